import type { AppProps } from 'next/app';
import { useState } from 'react';
import { ensureSessionRecipe, sessionFlowPorts } from '../config/sessionConfig';
import { SessionGate, type WithSessionLoading } from 'ssr-session-flow/client';
import { sessionFlowInspect } from 'ssr-session-flow/inspect';
import { useDemoMessages } from '../components/useDemoMessages';

export default function App({ Component, pageProps }: AppProps) {
  // Here rather than at module level: the sign-in page's module has claimed the SDK by now.
  ensureSessionRecipe();
  const [ports] = useState(() => sessionFlowPorts());
  const { renderSessionLoading } = Component as WithSessionLoading;
  const messages = useDemoMessages();
  return (
    <SessionGate pageProps={pageProps} ports={ports} renderLoading={renderSessionLoading} messages={messages} inspect={sessionFlowInspect}>
      <Component {...pageProps} />
    </SessionGate>
  );
}
