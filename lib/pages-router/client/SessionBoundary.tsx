import { useMemo, useState } from 'react';
import { createBrowserPorts, SessionFlowGate, type SessionBoundaryOptions, type SessionFlowPorts } from 'ssr-session-flow/core';
import { readSessionVerdict } from 'ssr-session-flow/machine';
import { superTokensSessionPorts } from 'ssr-session-flow/supertokens/client';
import { pagesRouterPorts } from './pagesRouterPorts';

export interface SessionBoundaryProps extends SessionBoundaryOptions {
  /** `_app`'s `pageProps`: their verdict (`withSession`, `withSessionInitialProps`) decides. */
  pageProps: unknown;
  /** Defaults to the browser: the pages router, SuperTokens, `window`. Tests pass fakes. */
  ports?: SessionFlowPorts;
}

/**
 * The session flow for the pages router, in `_app`: `<SessionBoundary pageProps={pageProps}>`.
 * Renders the page when the server accepted its session (or when it checks none), else the
 * loading UI while the flow recovers. Every new `pageProps` is a new verdict, because client-side
 * navigation re-runs getServerSideProps without remounting `_app`.
 */
export function SessionBoundary({ pageProps, ports, ...options }: SessionBoundaryProps) {
  const [boundaryPorts] = useState(() => ports ?? createBrowserPorts(pagesRouterPorts(), superTokensSessionPorts()));
  const delivery = useMemo(() => ({ verdict: readSessionVerdict(pageProps) }), [pageProps]);
  return <SessionFlowGate {...options} delivery={delivery} ports={boundaryPorts} />;
}
