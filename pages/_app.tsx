import type { AppProps } from 'next/app';
import { SuperTokensWrapper } from 'supertokens-auth-react';
import { ensureSuperTokensFrontendInit } from '../config/frontendConfig';
import { SessionGate, type WithSessionLoading } from 'ssr-session-flow/client';
import { sessionFlowInspect } from 'ssr-session-flow/inspect';

ensureSuperTokensFrontendInit();

export default function App({ Component, pageProps }: AppProps) {
  const { renderSessionLoading } = Component as WithSessionLoading;
  return (
    <SuperTokensWrapper>
      <SessionGate pageProps={pageProps} renderLoading={renderSessionLoading} inspect={sessionFlowInspect}>
        <Component {...pageProps} />
      </SessionGate>
    </SuperTokensWrapper>
  );
}
