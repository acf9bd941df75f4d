import { useRouter } from 'next/navigation';
import { useCallback, useState, type ReactNode } from 'react';
import { createBrowserPorts, SessionGate, type SessionGateProps, type SessionFlowPorts } from 'ssr-session-flow/client';
import type { SessionOutcome, SessionPageProps } from 'ssr-session-flow/machine';
import { VerdictReport } from './SessionVerdict';
import { useTrackedRefresh } from './useTrackedRefresh';

export interface SessionFlowBoundaryProps extends Omit<SessionGateProps, 'pageProps' | 'children'> {
  /** The verdict of the server component that renders the boundary (a protected layout). */
  outcome: SessionOutcome;
  children: ReactNode;
}

/**
 * The App Router's `SessionGate`: the same machine, runtime and loading UI, with App Router
 * ports. The soft reload is `router.refresh()` (the server components run again, no document
 * load); it counts only when a new verdict comes back with it. Verdicts come from the layout that
 * renders the boundary (first load, refresh) and from pages under it (`<SessionVerdict>`), which a
 * client-side navigation re-renders without the layout.
 */
export function SessionFlowBoundary({ outcome, children, ports, ...gate }: SessionFlowBoundaryProps) {
  const [pageProps, setPageProps] = useState<SessionPageProps>(() => propsFor(outcome));
  const [layoutOutcome, setLayoutOutcome] = useState(outcome);
  // Every render of the layout brings a new verdict object, even an equal one: deliver each.
  if (outcome !== layoutOutcome) {
    setLayoutOutcome(outcome);
    setPageProps(propsFor(outcome));
  }
  const report = useCallback((reported: SessionOutcome) => setPageProps(propsFor(reported)), []);

  const refresh = useTrackedRefresh();
  const router = useRouter();
  // Created once: the App Router's router and the tracked refresh stay the same for the page's life.
  const [appPorts] = useState<SessionFlowPorts>(
    () => ports ?? createBrowserPorts({ reloadServerProps: refresh, navigate: (url) => router.replace(url), hashInFlight: () => '' }),
  );

  return (
    <VerdictReport.Provider value={report}>
      <SessionGate {...gate} pageProps={pageProps} ports={appPorts}>
        {children}
      </SessionGate>
    </VerdictReport.Provider>
  );
}

function propsFor(outcome: SessionOutcome): SessionPageProps {
  return outcome.status === 'ok' ? { sessionOutcome: outcome } : { sessionOutcome: outcome, fromSupertokens: 'needs-refresh' };
}
