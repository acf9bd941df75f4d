import { PageLayout } from '../../components/PageLayout';
import type { LoadingScreenProps } from 'ssr-session-flow/pages-router/client';
import { withSession } from 'ssr-session-flow/pages-router/server';
import type { AcceptedSessionProps } from 'ssr-session-flow/machine';

export const getServerSideProps = withSession(async () => ({ props: {} }));

/** A protected page with its own loading UI: one screen per state of the session flow. */
export default function CustomLoadingExample({ sessionVerdict }: AcceptedSessionProps) {
  return (
    <PageLayout title="Custom loading UI">
      <p>
        Signed in as <code data-testid="user-id">{sessionVerdict.userId}</code>. Let the access token expire and
        reload this page to see this page&apos;s own loading screens.
      </p>
    </PageLayout>
  );
}

CustomLoadingExample.renderSessionLoading = function renderSessionLoading({ status, retry, signInAgain, signInUrl }: LoadingScreenProps) {
  switch (status.state) {
    case 'offline':
      return (
        <Card tone="#fff4e5" title="Connection lost">
          <p>{status.message}</p>
          <button onClick={retry}>Retry now</button>
          {status.canSignInAgain ? <button onClick={signInAgain}>Sign in again</button> : null}
        </Card>
      );
    case 'stuck':
      return (
        <Card tone="#fdecea" title="We could not restore your session">
          <p>
            Tried {status.attempt} of {status.maxAttempts} times. {status.message}
          </p>
          <button onClick={retry}>Try again</button> <button onClick={signInAgain}>Sign in again</button>
        </Card>
      );
    case 'signingOut':
    case 'redirecting':
      return (
        <Card tone="#eef2ff" title="Signed out">
          <p>{status.message}</p>
          {status.canFollowSignInLink ? <a href={signInUrl}>Go to sign in</a> : null}
        </Card>
      );
    default:
      return <Card tone="#f3f4f6" title="One moment">{status.message}</Card>;
  }
};

function Card({ tone, title, children }: { tone: string; title: string; children: React.ReactNode }) {
  return (
    <section style={{ background: tone, margin: '20vh auto', maxWidth: 480, padding: 24, borderRadius: 12, fontFamily: 'system-ui' }}>
      <h2 style={{ marginTop: 0 }}>{title}</h2>
      {children}
    </section>
  );
}
