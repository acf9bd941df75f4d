'use client';

import type { ReactNode } from 'react';
import { SessionFlowBoundary } from 'ssr-session-flow/app-router/client';
import { sessionFlowInspect } from 'ssr-session-flow/inspect';
import type { SessionOutcome } from 'ssr-session-flow/machine';
import { useDemoMessages } from './useDemoMessages';

/** The demo's boundary: its languages and the inspector, as `_app` gives them to `SessionGate`. */
export function DemoSessionFlowBoundary({ outcome, children }: { outcome: SessionOutcome; children: ReactNode }) {
  return (
    <SessionFlowBoundary outcome={outcome} messages={useDemoMessages()} inspect={sessionFlowInspect}>
      {children}
    </SessionFlowBoundary>
  );
}
