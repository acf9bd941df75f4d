'use client';

import type { ReactNode } from 'react';
import { SessionBoundary } from 'ssr-session-flow/app-router/client';
import { sessionFlowInspect } from 'ssr-session-flow/inspect';
import type { SessionVerdict } from 'ssr-session-flow/machine';
import { useDemoMessages } from './useDemoMessages';

/** The demo's boundary: its languages and the inspector, as `_app` gives them to its `SessionBoundary`. */
export function DemoSessionFlowBoundary({ verdict, children }: { verdict: SessionVerdict; children: ReactNode }) {
  return (
    <SessionBoundary verdict={verdict} messages={useDemoMessages()} inspect={sessionFlowInspect}>
      {children}
    </SessionBoundary>
  );
}
