import { SessionVerdictReport } from 'ssr-session-flow/app-router/client';
import { checkSession } from 'ssr-session-flow/app-router/server';

export default async function AppRouterHome() {
  const check = await checkSession();
  if (!check.session) return <SessionVerdictReport verdict={check.verdict} />;
  const renderedAt = new Date().toISOString();
  return (
    <>
      <h1>Home (App Router)</h1>
      <p>
        Signed in as <code data-testid="user-id">{check.session.userId}</code>, checked by a server component at{' '}
        <time dateTime={renderedAt}>{renderedAt}</time>.
      </p>
    </>
  );
}
