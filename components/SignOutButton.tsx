import { useState } from 'react';
import { signOut as signOutConfirmed } from 'ssr-session-flow/supertokens/client';
import { navigate, signInPageUrl } from '../config/sessionConfig';

export function SignOutButton() {
  const [error, setError] = useState<string | null>(null);
  const signOut = async () => {
    setError(null);
    try {
      // The kit's: with an expired token and a failing refresh the SDK's reports a sign-out that
      // did not happen and sends every tab to sign-in (the soak's seed 20; e2e 22).
      await signOutConfirmed();
    } catch {
      // The session is still there: say so instead of pretending the user is signed out.
      setError('Could not sign out: the server did not answer. Check your connection and try again.');
      return;
    }
    navigate(signInPageUrl());
  };
  return (
    <>
      <button type="button" onClick={signOut}>
        Sign out
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </>
  );
}
