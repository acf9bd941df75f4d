import type { SessionVerdict as Verdict } from 'ssr-session-flow/machine';
import { SessionBoundary, type SessionBoundaryProps } from './SessionBoundary';
import { SessionVerdictReport } from './SessionVerdictReport';

/** @deprecated Since 0.4: `SessionBoundary` (its `outcome` prop is `verdict` now). Removed in 0.5. */
export function SessionFlowBoundary({ outcome, ...props }: Omit<SessionBoundaryProps, 'verdict'> & { outcome: Verdict }) {
  return <SessionBoundary {...props} verdict={outcome} />;
}

/** @deprecated Since 0.4: `SessionVerdictReport` (its `outcome` prop is `verdict` now). Removed in 0.5. */
export function SessionVerdict({ outcome }: { outcome: Verdict }) {
  return <SessionVerdictReport verdict={outcome} />;
}
