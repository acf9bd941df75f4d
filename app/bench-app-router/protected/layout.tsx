import type { ReactNode } from 'react';
import { getSessionVerdict } from 'ssr-session-flow/app-router/server';
import { DemoSessionFlowBoundary } from '../../../components/DemoSessionFlowBoundary';

/** The demo's protected layout (app/app-router/(protected)/layout.tsx) without its navigation. */
export default async function BenchProtectedLayout({ children }: { children: ReactNode }) {
  return <DemoSessionFlowBoundary verdict={await getSessionVerdict()}>{children}</DemoSessionFlowBoundary>;
}
