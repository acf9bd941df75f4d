'use client';

/**
 * `ssr-session-flow/client`: the browser side. `SessionGate` (or `useSessionFlow`) runs the session
 * flow for `_app`; the runtime executes the machine's effects through ports; the rest are the
 * pieces an app wires into SuperTokens (the refresh lock, the cross-tab events) or reuses.
 */
export { SessionGate, type SessionGateProps } from './SessionGate';
export { DefaultLoadingScreen } from './DefaultLoadingScreen';
export type { LoadingScreenProps, WithSessionLoading } from './loadingScreenProps';
export { DEFAULT_LOADING_TIMINGS, useDelayedVisibility, type LoadingTimings } from './useDelayedVisibility';
export { useSessionFlow, type SessionFlow, type SessionFlowOptions } from './useSessionFlow';
export { createSessionFlowLogic, type SessionFlowLogic, type SessionFlowRuntimeOptions } from './createSessionFlowLogic';
export { createBrowserPorts, pagesRouterPorts, REFRESH_START_MARK, RETURN_TO_PARAM, type RouterPorts } from './browserPorts';
export { classifyRefreshError, type RecoveryAttemptStore, type SessionFlowPorts } from './sessionFlowPorts';
export { createPagesRouterReload, type PagesRouter, type PagesRouterReload } from './pagesRouterReload';
export {
  createCrossTabSessionEvents,
  crossTabSessionEvents,
  type ChannelLike,
  type CrossTabSessionEvent,
  type CrossTabSessionEvents,
} from './crossTabSessionEvents';
export { publishSessionEventsToOtherTabs, type SessionRecipeEvent } from './sessionEventPublisher';
export { createWebLocksLockFactory, type RefreshLock } from './webLocksLockFactory';
export { toSameOriginPath } from './sameOriginPath';
export { accessTokenExpiryFromCookies, FRONT_TOKEN_COOKIE } from './frontToken';
export { createRecoveryAttemptStore } from './recoveryAttemptStore';
export { createTabStorageSlot, safeSessionStorage, type SlotStorage, type TabStorageSlot } from './tabStorageSlot';
