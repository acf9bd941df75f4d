import type { AppProps } from 'next/app';
import { useState } from 'react';
import { ensureSessionRecipe, sessionFlowPorts } from '../config/sessionConfig';
import { SessionBoundary, type WithSessionLoading } from 'ssr-session-flow/pages-router/client';
import { sessionFlowInspect } from 'ssr-session-flow/inspect';
import { useDemoMessages } from '../components/useDemoMessages';

export default function App({ Component, pageProps }: AppProps) {
  // Here rather than at module level: the sign-in page's module has claimed the SDK by now.
  ensureSessionRecipe();
  const [ports] = useState(() => sessionFlowPorts());
  const { renderSessionLoading } = Component as WithSessionLoading;
  const messages = useDemoMessages();
  return (
    <SessionBoundary pageProps={pageProps} ports={ports} renderLoading={renderSessionLoading} messages={messages} inspect={sessionFlowInspect}>
      <Component {...pageProps} />
    </SessionBoundary>
  );
}
