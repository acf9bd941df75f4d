'use client';

/**
 * `ssr-session-flow/client`, the 0.3 entry: its names, kept for 0.4 only. Each is deprecated in
 * favour of its place in the router-agnostic core (`ssr-session-flow/core`), the pages router's
 * adapter (`ssr-session-flow/pages-router/client`) or SuperTokens' (`ssr-session-flow/supertokens/client`).
 * Removed in 0.5.
 */
import { useMemo, useState } from 'react';
import {
  createBrowserPorts as createPorts,
  useSessionFlow as useRouterAgnosticSessionFlow,
  type RouterPorts,
  type SessionFlow,
  type SessionFlowOptions as CoreSessionFlowOptions,
  type SessionFlowPorts,
} from 'ssr-session-flow/core';
import { readSessionVerdict } from 'ssr-session-flow/machine';
import { pagesRouterPorts, SessionBoundary, type SessionBoundaryProps } from 'ssr-session-flow/pages-router/client';
import { classifyRefreshFailure, superTokensSessionPorts } from 'ssr-session-flow/supertokens/client';

/** @deprecated Since 0.4: `SessionBoundary` from `ssr-session-flow/pages-router/client`. */
export const SessionGate = SessionBoundary;
/** @deprecated Since 0.4: `SessionBoundaryProps` from `ssr-session-flow/pages-router/client`. */
export type SessionGateProps = SessionBoundaryProps;

/** @deprecated Since 0.4: the options of `useSessionFlow` from `ssr-session-flow/core`, with `ports`. */
export interface SessionFlowOptions extends CoreSessionFlowOptions {
  ports?: SessionFlowPorts;
}

/** @deprecated Since 0.4: `useSessionFlow(delivery, ports, options)` from `ssr-session-flow/core`. */
export function useSessionFlow(pageProps: unknown, { ports, ...options }: SessionFlowOptions = {}): SessionFlow {
  const [flowPorts] = useState(() => ports ?? createBrowserPorts());
  const delivery = useMemo(() => ({ verdict: readSessionVerdict(pageProps) }), [pageProps]);
  return useRouterAgnosticSessionFlow(delivery, flowPorts, options);
}

/** @deprecated Since 0.4: `createBrowserPorts(router, superTokensSessionPorts())` from `ssr-session-flow/core`. */
export function createBrowserPorts(router: RouterPorts = pagesRouterPorts()): SessionFlowPorts {
  return createPorts(router, superTokensSessionPorts());
}

/** @deprecated Since 0.4: `classifyRefreshFailure` from `ssr-session-flow/supertokens/client`. */
export const classifyRefreshError = classifyRefreshFailure;

export {
  createCrossTabSessionEvents,
  createRecoveryAttemptStore,
  createSessionFlowLogic,
  createTabStorageSlot,
  crossTabSessionEvents,
  DEFAULT_LOADING_TIMINGS,
  DefaultLoadingScreen,
  RETURN_TO_PARAM,
  safeSessionStorage,
  toSameOriginPath,
  useDelayedVisibility,
  type ChannelLike,
  type CrossTabSessionEvent,
  type CrossTabSessionEvents,
  type LoadingScreenProps,
  type LoadingTimings,
  type RecoveryAttemptStore,
  type RouterPorts,
  type SessionFlow,
  type SessionFlowLogic,
  type SessionFlowPorts,
  type SessionFlowRuntimeOptions,
  type SlotStorage,
  type TabStorageSlot,
  type WithSessionLoading,
} from 'ssr-session-flow/core';
export { createPagesRouterReload, pagesRouterPorts, type PagesRouter, type PagesRouterReload } from 'ssr-session-flow/pages-router/client';
export {
  accessTokenExpiryFromCookies,
  createWebLocksLockFactory,
  FRONT_TOKEN_COOKIE,
  publishSessionEventsToOtherTabs,
  REFRESH_START_MARK,
  type RefreshLock,
  type SessionRecipeEvent,
} from 'ssr-session-flow/supertokens/client';
