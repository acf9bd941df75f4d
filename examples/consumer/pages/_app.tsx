import type { AppProps } from 'next/app';
import { SuperTokensWrapper } from 'supertokens-auth-react';
import { SessionGate } from 'ssr-session-flow/client';
import '../supertokens/frontend';

export default function App({ Component, pageProps }: AppProps) {
  return (
    <SuperTokensWrapper>
      <SessionGate pageProps={pageProps}>
        <Component {...pageProps} />
      </SessionGate>
    </SuperTokensWrapper>
  );
}
