import { createContext, useContext, useLayoutEffect } from 'react';
import type { SessionOutcome } from 'ssr-session-flow/machine';

/** How a page under a `SessionFlowBoundary` tells it the verdict of its own render. */
export const VerdictReport = createContext<((outcome: SessionOutcome) => void) | null>(null);

/**
 * Renders nothing; tells the nearest `SessionFlowBoundary` what the page's server check said.
 * Needed because a client-side navigation re-renders the page on the server, not the layout above
 * it: `if (!check.session) return <SessionVerdict outcome={check.outcome} />`.
 */
export function SessionVerdict({ outcome }: { outcome: SessionOutcome }) {
  const report = useContext(VerdictReport);
  // In the commit that renders it, as the pages router's verdicts are (see useSessionFlow).
  useLayoutEffect(() => {
    report?.(outcome);
  }, [outcome, report]);
  return null;
}
