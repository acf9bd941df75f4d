'use client';

/**
 * `ssr-session-flow/pages-router/client`: the session flow for the pages router. `_app` renders
 * `<SessionBoundary pageProps={pageProps}>` around the page; pages get their verdicts from
 * `withSession` (`ssr-session-flow/pages-router/server`).
 */
export { SessionBoundary, type SessionBoundaryProps } from './SessionBoundary';
export { pagesRouterPorts } from './pagesRouterPorts';
export { createPagesRouterReload, type PagesRouter, type PagesRouterReload } from './pagesRouterReload';
export {
  DEFAULT_LOADING_TIMINGS,
  DefaultLoadingScreen,
  useSessionFlowActor,
  useSessionFlowStatus,
  type LoadingScreenProps,
  type SessionFlowActorRef,
  type LoadingTimings,
  type WithSessionLoading,
} from 'ssr-session-flow/core';
