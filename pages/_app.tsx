import type { AppProps } from 'next/app';
import { SuperTokensWrapper } from 'supertokens-auth-react';
import { ensureSuperTokensFrontendInit } from '../config/frontendConfig';
import { SessionGate, type WithSessionLoading } from '../lib/client/SessionGate';
import { sessionFlowInspect } from '../lib/inspect/sessionFlowInspect';

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
