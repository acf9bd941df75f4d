import { useState } from 'react';
import SuperTokens from 'supertokens-auth-react';
import type { AcceptedSessionProps } from 'ssr-session-flow/machine';
import { withSession } from 'ssr-session-flow/pages-router/server';
import { signOut } from 'ssr-session-flow/supertokens/client';

export const getServerSideProps = withSession(async () => ({ props: {} }));

export default function Home({ sessionVerdict }: AcceptedSessionProps) {
  const [signOutFailed, setSignOutFailed] = useState(false);
  // The kit's signOut rejects when the session could not be ended; SuperTokens' own would say it was.
  const onSignOut = () => signOut().then(() => SuperTokens.redirectToAuth(), () => setSignOutFailed(true));
  return (
    <main>
      <p>Signed in as <span data-testid="user-id">{sessionVerdict.userId}</span></p>
      <button onClick={onSignOut}>Sign out</button>
      {signOutFailed && <p role="alert">Could not sign out: the server did not answer. Try again.</p>}
    </main>
  );
}
