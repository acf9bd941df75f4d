import { createContext, useContext, useLayoutEffect } from 'react';
import type { SessionVerdict } from 'ssr-session-flow/machine';

/** How a page under a `SessionBoundary` tells it the verdict of its own render. */
export const VerdictReport = createContext<((verdict: SessionVerdict) => void) | null>(null);

/**
 * Renders nothing; tells the nearest `SessionBoundary` what the page's server check said.
 * Needed because a client-side navigation re-renders the page on the server, not the layout above
 * it: `if (!check.session) return <SessionVerdictReport verdict={check.verdict} />`.
 */
export function SessionVerdictReport({ verdict }: { verdict: SessionVerdict }) {
  const report = useContext(VerdictReport);
  // In the commit that renders it, as the pages router's verdicts are (see useSessionFlow).
  useLayoutEffect(() => {
    report?.(verdict);
  }, [verdict, report]);
  return null;
}
