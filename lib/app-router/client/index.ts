'use client';

/**
 * `ssr-session-flow/app-router/client`: the session flow for the App Router. A protected layout
 * renders `<SessionFlowBoundary outcome={await getAppRouterSessionOutcome()}>`; a page under it
 * that finds no accepted session renders `<SessionVerdict outcome={…} />` instead of its content.
 */
export { SessionFlowBoundary, type SessionFlowBoundaryProps } from './SessionFlowBoundary';
export { SessionVerdict } from './SessionVerdict';
export { useTrackedRefresh } from './useTrackedRefresh';
