import type { AppProps } from 'next/app';
import { SuperTokensWrapper } from 'supertokens-auth-react';
import { SessionGate, type WithSessionLoading } from 'ssr-session-flow/client';
import { sessionFlowInspect } from 'ssr-session-flow/inspect';
import { useDemoMessages } from '../components/useDemoMessages';
import { ensureSuperTokensFrontendInit } from '../config/frontendConfig';

ensureSuperTokensFrontendInit();

export default function App({ Component, pageProps }: AppProps) {
  const { renderSessionLoading } = Component as WithSessionLoading;
  const messages = useDemoMessages();
  return (
    <SuperTokensWrapper>
      <SessionGate pageProps={pageProps} renderLoading={renderSessionLoading} messages={messages} inspect={sessionFlowInspect}>
        <Component {...pageProps} />
      </SessionGate>
    </SuperTokensWrapper>
  );
}
