import { PageLayout } from '../components/PageLayout';

/** Public: no session check, so `_app` renders it as it is, signed in or not. */
export default function About() {
  return (
    <PageLayout title="About">
      <p>
        This page checks no session. Protected pages verify the SuperTokens session in
        <code> getServerSideProps</code>; when the access token has expired, the browser refreshes it and
        runs the server props again, without a reload.
      </p>
    </PageLayout>
  );
}
