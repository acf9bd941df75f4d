import { withSession } from 'ssr-session-flow/app-router/server';
import { SignOutButton } from '../../SignOutButton';

export default withSession(async (_props, session) => (
  <main>
    <p>Signed in as <span data-testid="user-id">{session.userId}</span> (App Router)</p>
    <SignOutButton />
  </main>
));
