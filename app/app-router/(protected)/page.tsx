import { SessionVerdict } from 'ssr-session-flow/app-router/client';
import { getAppRouterSession } from 'ssr-session-flow/app-router/server';

export default async function AppRouterHome() {
  const check = await getAppRouterSession();
  if (!check.session) return <SessionVerdict outcome={check.outcome} />;
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
