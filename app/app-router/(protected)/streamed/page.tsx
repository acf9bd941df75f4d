import { Suspense } from 'react';
import { withSession } from 'ssr-session-flow/app-router/server';

/** A page that streams: its heading first, a slow part later, behind its own Suspense fallback. */
export default withSession(async (_props, session) => (
  <>
    <h1>Streamed (App Router)</h1>
    <p>
      Signed in as <code data-testid="user-id">{session.userId}</code>.
    </p>
    <Suspense fallback={<p data-testid="activity-fallback">Loading recent activity…</p>}>
      <RecentActivity />
    </Suspense>
  </>
));

async function RecentActivity() {
  await new Promise((resolve) => setTimeout(resolve, 800));
  return <p data-testid="activity">No recent activity.</p>;
}
