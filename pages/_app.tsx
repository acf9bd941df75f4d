import type { AppProps } from 'next/app';
import { useState } from 'react';
import { SessionBoundary, type WithSessionLoading } from 'ssr-session-flow/pages-router/client';
import { PagesRouterHeader } from '../components/PagesRouterHeader';
import { useDemoMessages } from '../components/useDemoMessages';
import { ensureSessionRecipe, sessionFlowSession } from '../config/sessionConfig';

/** Pages without the demo's header: the sign-in page, and the bench's (its links' prefetches would race recovery). */
const BARE_PAGES = /^\/(auth|bench)(\/|$)/;

export default function App({ Component, pageProps, router }: AppProps) {
  // Here rather than at module level: the sign-in page's module has claimed the SDK by now.
  ensureSessionRecipe(router);
  const [session] = useState(sessionFlowSession);
  const { renderSessionLoading } = Component as WithSessionLoading;
  const messages = useDemoMessages();
  return (
    <>
      {BARE_PAGES.test(router.pathname) ? null : <PagesRouterHeader pageProps={pageProps} />}
      <SessionBoundary pageProps={pageProps} session={session} renderLoading={renderSessionLoading} messages={messages}>
        <Component {...pageProps} />
      </SessionBoundary>
    </>
  );
}
