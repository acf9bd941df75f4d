import { PageLayout } from '../components/PageLayout';
import { withSession } from 'ssr-session-flow/pages-router/server';
import type { AcceptedSessionProps } from 'ssr-session-flow/machine';

interface AccountProps {
  sessionExpiresAt: string | null;
}

export const getServerSideProps = withSession<AccountProps>(async (_ctx, session) => {
  const exp = session.accessTokenPayload.exp;
  return { props: { sessionExpiresAt: typeof exp === 'number' ? new Date(exp * 1000).toISOString() : null } };
});

/** Long enough that a deep link to `#devices` has to scroll: the anchor must survive recovery. */
export default function Account({ sessionVerdict, sessionExpiresAt }: AcceptedSessionProps<AccountProps>) {
  return (
    <PageLayout title="Account">
      <p>
        Account of <code data-testid="user-id">{sessionVerdict.userId}</code>
      </p>
      <section id="plan" style={{ minHeight: '120vh' }}>
        <h2>Plan</h2>
        <p>Access token valid until {sessionExpiresAt ?? 'unknown'}.</p>
      </section>
      <section id="devices">
        <h2>Devices</h2>
        <p>This browser.</p>
      </section>
    </PageLayout>
  );
}
