import { withSession } from 'ssr-session-flow/app-router/server';

/** Long enough that a deep link to `#devices` has to scroll: the anchor must survive recovery. */
export default withSession(async (_props, session) => {
  const exp = session.accessTokenPayload.exp;
  return (
    <>
      <h1>Account (App Router)</h1>
      <p>
        Account of <code data-testid="user-id">{session.userId}</code>
      </p>
      <section id="plan" style={{ minHeight: '120vh' }}>
        <h2>Plan</h2>
        <p>Access token valid until {typeof exp === 'number' ? new Date(exp * 1000).toISOString() : 'unknown'}.</p>
      </section>
      <section id="devices">
        <h2>Devices</h2>
        <p>This browser.</p>
      </section>
    </>
  );
});
