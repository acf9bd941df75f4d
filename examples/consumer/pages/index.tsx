import SuperTokens from 'supertokens-auth-react';
import Session from 'supertokens-auth-react/recipe/session';
import type { AcceptedSessionProps } from 'ssr-session-flow/machine';
import { withSession } from 'ssr-session-flow/pages-router/server';

export const getServerSideProps = withSession(async () => ({ props: {} }));

export default function Home({ sessionVerdict }: AcceptedSessionProps) {
  const signOut = () => Session.signOut().then(() => SuperTokens.redirectToAuth());
  return (
    <main>
      <p>Signed in as <span data-testid="user-id">{sessionVerdict.userId}</span></p>
      <button onClick={signOut}>Sign out</button>
    </main>
  );
}
