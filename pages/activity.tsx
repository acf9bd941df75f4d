import { PageLayout } from '../components/PageLayout';
import type { AcceptedSessionProps } from 'ssr-session-flow/machine';
import { withSessionInitialProps } from 'ssr-session-flow/pages-router/server';

interface ActivityProps {
  loadedOn: 'server' | 'browser';
}

/** The same session check with getInitialProps, which also runs in the browser on navigation. */
function Activity({ sessionVerdict, loadedOn }: AcceptedSessionProps<ActivityProps>) {
  return (
    <PageLayout title="Activity">
      <p>
        Activity of <code data-testid="user-id">{sessionVerdict.userId}</code>, props loaded on the {loadedOn}.
      </p>
    </PageLayout>
  );
}

Activity.getInitialProps = withSessionInitialProps<ActivityProps>(async () => ({
  loadedOn: typeof window === 'undefined' ? 'server' : 'browser',
}));

export default Activity;
