import { useState } from 'react';
import { signOut } from 'ssr-session-flow/supertokens/client';
import { navigate, signInPageUrl } from '../config/sessionConfig';

export function SignOutButton() {
  const [error, setError] = useState<string | null>(null);
  const onSignOut = async () => {
    setError(null);
    try {
      // The kit's sign-out, not the SDK's: that one reports success when its refresh fails.
      await signOut();
    } catch {
      // The session is still there: say so instead of pretending the user is signed out.
      setError('Could not sign out: the server did not answer. Check your connection and try again.');
      return;
    }
    navigate(signInPageUrl());
  };
  return (
    <>
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </>
  );
}
