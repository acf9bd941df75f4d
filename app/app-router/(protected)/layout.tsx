import type { ReactNode } from 'react';
import { getSessionVerdict } from 'ssr-session-flow/app-router/server';
import { DemoSessionFlowBoundary } from '../../../components/DemoSessionFlowBoundary';

/**
 * Guards every page under it with one check per request (the pages reuse it through React's
 * `cache`). A client-side navigation re-renders the page, not this layout: the page's own check
 * (the same call) reports its verdict with `<SessionVerdictReport>`.
 */
export default async function ProtectedLayout({ children }: { children: ReactNode }) {
  return <DemoSessionFlowBoundary verdict={await getSessionVerdict()}>{children}</DemoSessionFlowBoundary>;
}
