import type { NextPageContext } from 'next';
import { PageLayout } from '../components/PageLayout';

/**
 * The demo's error page, in the demo's layout under its header. (Next's default error page
 * brings its own styles: 2.3 kB gzip of JavaScript for a page that says one line.)
 */
function ErrorPage({ statusCode }: { statusCode: number }) {
  return (
    <PageLayout title={statusCode === 404 ? 'Page not found' : 'Something went wrong'}>
      <p>Error {statusCode}.</p>
    </PageLayout>
  );
}

ErrorPage.getInitialProps = ({ res, err }: NextPageContext) => ({ statusCode: res?.statusCode ?? err?.statusCode ?? 404 });

export default ErrorPage;
