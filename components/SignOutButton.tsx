import { useState } from 'react';
import SessionRecipe from 'supertokens-website';
import { navigate, signInPageUrl } from '../config/sessionConfig';

export function SignOutButton() {
  const [error, setError] = useState<string | null>(null);
  const signOut = async () => {
    setError(null);
    try {
      await SessionRecipe.signOut();
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
