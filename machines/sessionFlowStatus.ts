import type { SnapshotFrom } from 'xstate';
import type { NeedsRefreshReason } from '../lib/sessionOutcome';
import type { RefreshFailureCause, SessionFlowMachine, StuckReason } from './sessionFlowMachine';

export type SessionFlowStateName =
  | 'checking'
  | 'idle'
  | 'authenticated'
  | 'refreshing'
  | 'reloading'
  | 'offline'
  | 'stuck'
  | 'redirecting';

/** Why the flow is where it is: the server's verdict, the refresh failure, or why it stopped. */
export type SessionFlowReason = NeedsRefreshReason | RefreshFailureCause | StuckReason | 'session-ended';

/** What a loading UI needs to know, derived from a snapshot; no UI code reads the machine directly. */
export interface SessionFlowStatus {
  state: SessionFlowStateName;
  /** Refresh cycles spent so far in this recovery. */
  attempt: number;
  maxAttempts: number;
  reason: SessionFlowReason | null;
  /** One sentence for people (and the polite live region) saying what is happening. */
  message: string;
}

export type SessionFlowSnapshot = SnapshotFrom<SessionFlowMachine>;

export function topLevelState(snapshot: SessionFlowSnapshot): SessionFlowStateName {
  const value = snapshot.value;
  return (typeof value === 'string' ? value : Object.keys(value)[0]) as SessionFlowStateName;
}

export function describeSessionFlow(snapshot: SessionFlowSnapshot): SessionFlowStatus {
  const { context } = snapshot;
  const state = topLevelState(snapshot);
  const verdictReason = context.outcome?.status === 'needs-refresh' ? context.outcome.reason : null;
  const base = { state, attempt: context.recoveryAttempts, maxAttempts: context.maxRecoveryAttempts };
  switch (state) {
    case 'refreshing':
      return { ...base, reason: verdictReason, message: 'Refreshing your session…' };
    case 'reloading':
      return { ...base, reason: verdictReason, message: 'Session refreshed. Loading the page again…' };
    case 'offline':
      return {
        ...base,
        reason: context.lastFailure,
        message:
          context.lastFailure === 'server'
            ? 'The sign-in service is not answering. Your session is safe; retrying…'
            : 'You appear to be offline. Your session is safe; retrying when the connection is back…',
      };
    case 'stuck':
      return {
        ...base,
        reason: context.stuckReason,
        message:
          'Your session was refreshed, but the server still does not accept it. ' +
          'Try again, or sign in again if it keeps happening.',
      };
    case 'redirecting':
      return { ...base, reason: 'session-ended', message: 'Your session has ended. Taking you to sign in…' };
    case 'authenticated':
      return { ...base, reason: null, message: 'Signed in.' };
    case 'idle':
      return { ...base, reason: null, message: '' };
    case 'checking':
      return checkingStatus(base.attempt, base.maxAttempts, verdictReason);
  }
}

/** The status before the machine has seen the verdict of the page being rendered. */
export function checkingStatus(
  attempt: number,
  maxAttempts: number,
  reason: NeedsRefreshReason | null,
): SessionFlowStatus {
  return { state: 'checking', attempt, maxAttempts, reason, message: 'Checking your session…' };
}
