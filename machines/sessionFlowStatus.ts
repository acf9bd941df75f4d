import type { SnapshotFrom } from 'xstate';
import type { NeedsRefreshReason } from './sessionOutcome';
import type { SessionFlowMachine } from './sessionFlowMachine';
import type { RefreshFailureCause, StuckReason } from './sessionFlowTypes';

export type SessionFlowStateName =
  | 'checking'
  | 'idle'
  | 'authenticated'
  | 'revalidating'
  | 'refreshing'
  | 'reloading'
  | 'offline'
  | 'stuck'
  | 'signingOut'
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
  /** "Try again" does something now. */
  canRetry: boolean;
  /** "Sign in again" does something now (it signs out first, then goes to sign in and back). */
  canSignInAgain: boolean;
}

export type SessionFlowSnapshot = SnapshotFrom<SessionFlowMachine>;

export function topLevelState(snapshot: SessionFlowSnapshot): SessionFlowStateName {
  const value = snapshot.value;
  return (typeof value === 'string' ? value : Object.keys(value)[0]) as SessionFlowStateName;
}

const STUCK_MESSAGES: Record<StuckReason, string> = {
  'server-rejects-refreshed-session':
    'Your session was refreshed, but the server still does not accept it. Try again, or sign in again if it keeps happening.',
  'duplicate-session-cookies':
    'Your browser holds two conflicting session cookies for this site, so the session cannot be renewed. ' +
    'Sign in again; if this keeps happening, clear this site’s cookies.',
  'front-token-missing':
    'The sign-in service answered without the session details this page needs (a proxy may be removing them). ' +
    'Try again, or sign in again.',
  'sign-out-failed': 'We could not sign you out: the server did not answer. Check your connection and try again.',
};

export function describeSessionFlow(snapshot: SessionFlowSnapshot): SessionFlowStatus {
  const { context } = snapshot;
  const state = topLevelState(snapshot);
  const verdictReason = context.outcome?.status === 'needs-refresh' ? context.outcome.reason : null;
  const base = {
    state,
    attempt: context.recoveryAttempts,
    maxAttempts: context.maxRecoveryAttempts,
    canRetry: false,
    canSignInAgain: false,
  };
  switch (state) {
    case 'refreshing':
      return { ...base, reason: verdictReason, message: 'Refreshing your session…' };
    case 'revalidating':
      return { ...base, reason: null, message: 'Checking your session…' };
    case 'reloading':
      return { ...base, reason: verdictReason, message: 'Session refreshed. Loading the page again…' };
    case 'offline': {
      const canSignInAgain = context.failedRefreshes >= context.offerSignInAfterFailures;
      const waiting =
        context.lastFailure === 'server'
          ? 'The sign-in service is not answering. Your session is safe; retrying…'
          : 'You appear to be offline. Your session is safe; retrying when the connection is back…';
      return {
        ...base,
        reason: context.lastFailure,
        message: canSignInAgain ? `${waiting} You can also sign in again.` : waiting,
        canRetry: true,
        canSignInAgain,
      };
    }
    case 'stuck': {
      const reason = context.stuckReason ?? 'server-rejects-refreshed-session';
      return { ...base, reason, message: STUCK_MESSAGES[reason], canRetry: true, canSignInAgain: true };
    }
    case 'signingOut':
      return { ...base, reason: null, message: 'Signing you out so you can sign in again…' };
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
  return {
    state: 'checking',
    attempt,
    maxAttempts,
    reason,
    message: 'Checking your session…',
    canRetry: false,
    canSignInAgain: false,
  };
}
