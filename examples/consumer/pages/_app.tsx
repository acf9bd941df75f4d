import type { AppProps } from 'next/app';
import { SuperTokensWrapper } from 'supertokens-auth-react';
import { SessionBoundary } from 'ssr-session-flow/pages-router/client';
import '../supertokens/frontend';

export default function App({ Component, pageProps }: AppProps) {
  return (
    <SuperTokensWrapper>
      <SessionBoundary pageProps={pageProps}>
        <Component {...pageProps} />
      </SessionBoundary>
    </SuperTokensWrapper>
  );
}
