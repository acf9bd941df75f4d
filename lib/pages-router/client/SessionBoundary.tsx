import { useMemo, useState } from 'react';
import { createBrowserPorts, SessionFlowGate, type SessionBoundaryOptions, type SessionFlowPorts, type SessionPorts } from 'ssr-session-flow/core';
import { readSessionVerdict } from 'ssr-session-flow/machine';
import { boundaryInspect } from 'ssr-session-flow/inspect';
import { superTokensSessionPorts } from 'ssr-session-flow/supertokens/client';
import { pagesRouterPorts } from './pagesRouterPorts';

export interface SessionBoundaryProps extends SessionBoundaryOptions {
  /** `_app`'s `pageProps`: their verdict (`withSession`, `withSessionInitialProps`) decides. */
  pageProps: unknown;
  /** The session SDK's ports: SuperTokens' by default (`superTokensSessionPorts()`); read once. */
  session?: SessionPorts;
  /** All the ports at once (the router's, the SDK's, the browser's); tests pass fakes. */
  ports?: SessionFlowPorts;
}

/**
 * The session flow for the pages router, in `_app`: `<SessionBoundary pageProps={pageProps}>`.
 * Renders the page when the server accepted its session (or when it checks none), else the
 * loading UI while the flow recovers. Every new `pageProps` is a new verdict, because client-side
 * navigation re-runs getServerSideProps without remounting `_app`.
 */
export function SessionBoundary({ pageProps, ports, session, inspect, ...options }: SessionBoundaryProps) {
  const [boundaryPorts] = useState(() => ports ?? createBrowserPorts(pagesRouterPorts(), session ?? superTokensSessionPorts()));
  const delivery = useMemo(() => ({ verdict: readSessionVerdict(pageProps) }), [pageProps]);
  return <SessionFlowGate {...options} delivery={delivery} ports={boundaryPorts} inspect={boundaryInspect(inspect)} />;
}
