'use client';

import { useState } from 'react';
import SuperTokens from 'supertokens-auth-react';
import { signOut } from 'ssr-session-flow/supertokens/client';

export function SignOutButton() {
  const [failed, setFailed] = useState(false);
  // The kit's signOut rejects when the session could not be ended; SuperTokens' own would say it was.
  const onSignOut = () => signOut().then(() => SuperTokens.redirectToAuth(), () => setFailed(true));
  return (
    <>
      <button onClick={onSignOut}>Sign out</button>
      {failed && <p role="alert">Could not sign out: the server did not answer. Try again.</p>}
    </>
  );
}
