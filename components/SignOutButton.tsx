import { useState } from 'react';
import SuperTokens from 'supertokens-auth-react';
import Session from 'supertokens-auth-react/recipe/session';

export function SignOutButton() {
  const [error, setError] = useState<string | null>(null);
  const signOut = async () => {
    setError(null);
    try {
      await Session.signOut();
      await SuperTokens.redirectToAuth({ show: 'signin', redirectBack: false });
    } catch {
      // The session is still there: say so instead of pretending the user is signed out.
      setError('Could not sign out: the server did not answer. Check your connection and try again.');
    }
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
