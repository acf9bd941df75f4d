import { withSession } from 'ssr-session-flow/app-router/server';

export default withSession(async (_props, session) => {
  const renderedAt = new Date().toISOString();
  return (
    <>
      <h1>Home (App Router)</h1>
      <p>
        Signed in as <code data-testid="user-id">{session.userId}</code>, checked by a server component at{' '}
        <time dateTime={renderedAt}>{renderedAt}</time>.
      </p>
    </>
  );
});
