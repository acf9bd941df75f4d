import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { createBrowserPorts, SessionFlowGate, type SessionBoundaryOptions, type SessionFlowPorts, type SessionPorts, type VerdictDelivery } from 'ssr-session-flow/core';
import type { SessionVerdict } from 'ssr-session-flow/machine';
import { boundaryInspect } from 'ssr-session-flow/inspect';
import { superTokensSessionPorts } from 'ssr-session-flow/supertokens/client';
import { VerdictReport } from './SessionVerdictReport';
import { useTrackedRefresh } from './useTrackedRefresh';

export interface SessionBoundaryProps extends SessionBoundaryOptions {
  /** The verdict of the server component that renders the boundary (a protected layout). */
  verdict: SessionVerdict;
  /** The session SDK's ports: SuperTokens' by default (`superTokensSessionPorts()`); read once. */
  session?: SessionPorts;
  /** All the ports at once (the router's, the SDK's, the browser's); tests pass fakes. */
  ports?: SessionFlowPorts;
}

/**
 * The session flow for the App Router, in a protected layout: `<SessionBoundary verdict={…}>`.
 * The soft reload is `router.refresh()` (the server components run again, no document load); it
 * counts only when a new verdict comes back with it. Verdicts come from the layout that renders
 * the boundary (first load, refresh) and from pages under it (`<SessionVerdictReport>`), which a
 * client-side navigation re-renders without the layout.
 */
export function SessionBoundary({ verdict, ports, session, inspect, ...options }: SessionBoundaryProps) {
  const [delivery, setDelivery] = useState<VerdictDelivery>(() => ({ verdict }));
  const [layoutVerdict, setLayoutVerdict] = useState(verdict);
  // Every render of the layout brings a new verdict object, even an equal one: deliver each.
  if (verdict !== layoutVerdict) {
    setLayoutVerdict(verdict);
    setDelivery({ verdict });
  }
  const report = useCallback((reported: SessionVerdict) => setDelivery({ verdict: reported }), []);

  const refresh = useTrackedRefresh();
  const router = useRouter();
  // Created once: the App Router's router and the tracked refresh stay the same for the page's life.
  const [boundaryPorts] = useState<SessionFlowPorts>(
    () =>
      ports ??
      createBrowserPorts({ reloadServerProps: refresh, navigate: (url) => router.replace(url), hashInFlight: () => '' }, session ?? superTokensSessionPorts()),
  );

  return (
    <VerdictReport.Provider value={report}>
      <SessionFlowGate {...options} delivery={delivery} ports={boundaryPorts} inspect={boundaryInspect(inspect)} />
    </VerdictReport.Provider>
  );
}
