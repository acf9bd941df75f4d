'use client';

/**
 * `ssr-session-flow/app-router/client`: the session flow for the App Router. A protected layout
 * renders `<SessionBoundary verdict={(await checkSession()).verdict}>`; a page under it reports its
 * own verdict (`withSession` from `ssr-session-flow/app-router/server` does it for the page).
 */
export { SessionBoundary, type SessionBoundaryProps } from './SessionBoundary';
export { SessionVerdictReport } from './SessionVerdictReport';
export { useTrackedRefresh } from './useTrackedRefresh';
export {
  DEFAULT_LOADING_TIMINGS,
  DefaultLoadingScreen,
  useSessionFlowActor,
  useSessionFlowStatus,
  type LoadingScreenProps,
  type SessionFlowActorRef,
  type LoadingTimings,
} from 'ssr-session-flow/core';
export { SessionFlowBoundary, SessionVerdict } from './deprecatedNames';
