import { Suspense } from 'react';
import { SessionVerdictReport } from 'ssr-session-flow/app-router/client';
import { checkSession } from 'ssr-session-flow/app-router/server';

/** A page that streams: its heading first, a slow part later, behind its own Suspense fallback. */
export default async function StreamedPage() {
  const check = await checkSession();
  if (!check.session) return <SessionVerdictReport verdict={check.verdict} />;
  return (
    <>
      <h1>Streamed (App Router)</h1>
      <p>
        Signed in as <code data-testid="user-id">{check.session.userId}</code>.
      </p>
      <Suspense fallback={<p data-testid="activity-fallback">Loading recent activity…</p>}>
        <RecentActivity />
      </Suspense>
    </>
  );
}

async function RecentActivity() {
  await new Promise((resolve) => setTimeout(resolve, 800));
  return <p data-testid="activity">No recent activity.</p>;
}
