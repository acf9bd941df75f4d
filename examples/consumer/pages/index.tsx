import SuperTokens from 'supertokens-auth-react';
import Session from 'supertokens-auth-react/recipe/session';
import type { AcceptedSessionProps } from 'ssr-session-flow/machine';
import { withSession } from 'ssr-session-flow/server';

export const getServerSideProps = withSession(async () => ({ props: {} }));

export default function Home({ sessionOutcome }: AcceptedSessionProps) {
  const signOut = () => Session.signOut().then(() => SuperTokens.redirectToAuth());
  return (
    <main>
      <p>Signed in as <span data-testid="user-id">{sessionOutcome.userId}</span></p>
      <button onClick={signOut}>Sign out</button>
    </main>
  );
}
