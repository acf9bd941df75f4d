import { PageLayout } from '../components/PageLayout';
import { withSession } from 'ssr-session-flow/pages-router/server';
import type { AcceptedSessionProps } from 'ssr-session-flow/machine';

interface HomeProps {
  renderedAt: string;
}

export const getServerSideProps = withSession<HomeProps>(async () => ({
  props: { renderedAt: new Date().toISOString() },
}));

export default function Home({ sessionVerdict, renderedAt }: AcceptedSessionProps<HomeProps>) {
  return (
    <PageLayout title="Home">
      <p>
        Signed in as <code data-testid="user-id">{sessionVerdict.userId}</code>
      </p>
      <p>
        Verified by <code>getServerSideProps</code> at <time dateTime={renderedAt}>{renderedAt}</time>.
      </p>
    </PageLayout>
  );
}
