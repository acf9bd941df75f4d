import { PageLayout } from '../components/PageLayout';
import { withSession } from '../lib/server/withSession';
import type { AcceptedSessionProps } from '../lib/sessionOutcome';

interface AccountProps {
  sessionExpiresAt: string | null;
}

export const getServerSideProps = withSession<AccountProps>(async (_ctx, session) => {
  const exp = session.accessTokenPayload.exp;
  return { props: { sessionExpiresAt: typeof exp === 'number' ? new Date(exp * 1000).toISOString() : null } };
});

export default function Account({ sessionOutcome, sessionExpiresAt }: AcceptedSessionProps<AccountProps>) {
  return (
    <PageLayout title="Account" signedIn>
      <p>
        Account of <code data-testid="user-id">{sessionOutcome.userId}</code>
      </p>
      <p>Access token valid until {sessionExpiresAt ?? 'unknown'}.</p>
    </PageLayout>
  );
}
