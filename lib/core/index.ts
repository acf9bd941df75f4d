'use client';

/**
 * `ssr-session-flow/core`: the session flow in the browser, whatever the router and the session
 * SDK: the runtime that executes the machine's effects through ports, the hook and gate that run
 * it in React, the default loading UI, and the browser pieces (other tabs, per-tab storage). Each
 * router's adapter (`ssr-session-flow/pages-router/client`, `ssr-session-flow/app-router/client`)
 * and the SuperTokens adapter (`ssr-session-flow/supertokens/client`) build on it.
 */
export { SessionFlowGate, type SessionBoundaryOptions, type SessionFlowGateProps } from './SessionFlowGate';
export { DefaultLoadingScreen } from './DefaultLoadingScreen';
export type { LoadingScreenProps, WithSessionLoading } from './loadingScreenProps';
export { DEFAULT_LOADING_TIMINGS, useDelayedVisibility, type LoadingTimings } from './useDelayedVisibility';
export { useSessionFlow, type SessionFlow, type SessionFlowActorRef, type SessionFlowOptions, type VerdictDelivery } from './useSessionFlow';
export { useSessionFlowActor, useSessionFlowStatus } from './sessionFlowContext';
export { createSessionFlowLogic, type SessionFlowLogic, type SessionFlowRuntimeOptions } from './createSessionFlowLogic';
export { createBrowserPorts, RETURN_TO_PARAM } from './browserPorts';
export type { AccessTokenTimes, RecoveryAttemptStore, RouterPorts, SessionFlowPorts, SessionPorts } from './sessionFlowPorts';
export {
  createCrossTabSessionEvents,
  crossTabSessionEvents,
  type ChannelLike,
  type CrossTabSessionEvent,
  type CrossTabSessionEvents,
} from './crossTabSessionEvents';
export { toSameOriginPath } from './sameOriginPath';
export { createRecoveryAttemptStore } from './recoveryAttemptStore';
export { createTabStorageSlot, safeSessionStorage, type SlotStorage, type TabStorageSlot } from './tabStorageSlot';
