/**
 * `ssr-session-flow/machine`: the pure session-flow machine, the verdict types the server and the
 * browser share, and the status helpers a loading UI reads. Depends on `xstate` only.
 */
export { sessionFlowMachine, type SessionFlowMachine } from './sessionFlowMachine';
export {
  describedSessionFlowMachine,
  SESSION_FLOW_STATE_DESCRIPTIONS,
  SESSION_FLOW_TRANSITION_DESCRIPTIONS,
} from './sessionFlowDescriptions';
export {
  DEFAULT_MAX_RECOVERY_ATTEMPTS,
  DEFAULT_OFFER_SIGN_IN_AFTER_FAILURES,
  DEFAULT_RELOAD_DEADLINE,
  DEFAULT_RETRY_DELAY,
  type RefreshFailureCause,
  type ReloadDeadline,
  type SessionFlowContext,
  type SessionFlowEvent,
  type SessionFlowInput,
  type StuckReason,
} from './sessionFlowTypes';
export {
  canShowPage,
  checkingStatus,
  describeSessionFlow,
  topLevelState,
  type SessionFlowReason,
  type SessionFlowSnapshot,
  type SessionFlowStateName,
  type SessionFlowStatus,
} from './sessionFlowStatus';
export {
  isSessionOutcome,
  isSessionVerdict,
  readSessionOutcome,
  readSessionVerdict,
  type NeedsRefreshOutcome,
  type SessionOutcome,
  type AcceptedSessionProps,
  type NeedsRefreshVerdict,
  type NeedsRefreshProps,
  type NeedsRefreshReason,
  type SessionVerdict,
  type SessionPageProps,
} from './sessionVerdict';
export {
  ENGLISH_MESSAGES,
  withMessages,
  type SessionFlowMessageOverrides,
  type SessionFlowMessages,
} from './sessionFlowMessages';
export { nextBackoffLevel, retryDelayMs, type RetryDelayOptions } from './retryDelay';
