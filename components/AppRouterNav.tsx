'use client';

import Link from 'next/link';
import { useState } from 'react';
import SuperTokens from 'supertokens-auth-react';
import Session from 'supertokens-auth-react/recipe/session';

/** The App Router pages' navigation, with a sign-out that says so when it could not sign out. */
export function AppRouterNav() {
  const [error, setError] = useState<string | null>(null);
  const signOut = async () => {
    setError(null);
    try {
      await Session.signOut();
      await SuperTokens.redirectToAuth({ show: 'signin', redirectBack: false });
    } catch {
      setError('Could not sign out: the server did not answer. Check your connection and try again.');
    }
  };
  return (
    <header style={{ display: 'flex', gap: 16, alignItems: 'center', padding: 16, fontFamily: 'system-ui, sans-serif' }}>
      <nav style={{ display: 'flex', gap: 12 }}>
        <Link href="/app-router">Home</Link>
        <Link href="/app-router/account">Account</Link>
        <Link href="/app-router/streamed">Streamed</Link>
        <Link href="/app-router/about">About</Link>
        <Link href="/">Pages router</Link>
      </nav>
      <button type="button" onClick={signOut}>
        Sign out
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </header>
  );
}
