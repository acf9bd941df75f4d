import type { SnapshotFrom } from 'xstate';
import type { NeedsRefreshReason, SessionVerdict } from './sessionVerdict';
import { ENGLISH_MESSAGES, type SessionFlowMessages } from './sessionFlowMessages';
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
  /** The sign-in page did not open by itself: the user follows a link to it. */
  canFollowSignInLink: boolean;
}

export type SessionFlowSnapshot = SnapshotFrom<SessionFlowMachine>;

/**
 * Where a page the server accepted stays on screen. Elsewhere the flow has learnt something the
 * verdict did not know (another tab signed out, the session is being renewed again, the page
 * could not be loaded again) and shows its own screen instead.
 */
const TRUSTS_AN_ACCEPTED_PAGE: ReadonlySet<SessionFlowStateName> = new Set(['checking', 'idle', 'authenticated', 'revalidating', 'reloading']);

/**
 * Whether a page shows its own content: it checks no session (`verdict` missing), or the server
 * accepted it and nothing the flow learnt since says otherwise. Else the loading UI shows.
 */
export function canShowPage(verdict: SessionVerdict | null | undefined, state: SessionFlowStateName): boolean {
  return !verdict || (verdict.status === 'ok' && TRUSTS_AN_ACCEPTED_PAGE.has(state));
}

export function topLevelState(snapshot: SessionFlowSnapshot): SessionFlowStateName {
  const value = snapshot.value;
  return (typeof value === 'string' ? value : Object.keys(value)[0]) as SessionFlowStateName;
}

/** The user's choices on a screen that waits for none (the flow is working, or content shows). */
const NO_CHOICE = { canRetry: false, canSignInAgain: false, canFollowSignInLink: false } as const;

/** The status of `snapshot`, in the words of `messages` (English unless told otherwise). */
export function describeSessionFlow(snapshot: SessionFlowSnapshot, messages: SessionFlowMessages = ENGLISH_MESSAGES): SessionFlowStatus {
  const { context } = snapshot;
  const state = topLevelState(snapshot);
  const verdictReason = context.verdict?.status === 'needs-refresh' ? context.verdict.reason : null;
  const status = (
    reason: SessionFlowReason | null,
    message: string,
    choices?: Partial<Pick<SessionFlowStatus, keyof typeof NO_CHOICE>>,
  ): SessionFlowStatus => ({ state, attempt: context.recoveryAttempts, maxAttempts: context.maxRecoveryAttempts, reason, message, ...NO_CHOICE, ...choices });
  switch (state) {
    case 'refreshing':
      return status(verdictReason, messages.refreshing);
    case 'revalidating':
      return status(null, messages.revalidating);
    case 'reloading':
      return status(verdictReason, messages.reloading);
    case 'offline': {
      const canSignInAgain = context.failedRefreshes >= context.offerSignInAfterFailures;
      const waiting = context.lastFailure === 'server' ? messages.offline.server : messages.offline.network;
      return status(context.lastFailure, canSignInAgain ? `${waiting} ${messages.offline.signInOffer}` : waiting, { canRetry: true, canSignInAgain });
    }
    case 'stuck': {
      const reason = context.stuckReason ?? 'server-rejects-refreshed-session';
      return status(reason, messages.stuck[reason], { canRetry: true, canSignInAgain: true });
    }
    case 'signingOut':
      return status(null, messages.signingOut);
    case 'redirecting':
      return snapshot.matches({ redirecting: 'failed' })
        ? status('session-ended', messages.redirectFailed, { canFollowSignInLink: true })
        : status('session-ended', messages.redirecting);
    case 'authenticated':
      return status(null, messages.authenticated);
    case 'idle':
      return status(null, '');
    case 'checking':
      return status(verdictReason, messages.checking);
  }
}

/** The status before the machine has seen the verdict of the page being rendered. */
export function checkingStatus(
  attempt: number,
  maxAttempts: number,
  reason: NeedsRefreshReason | null,
  messages: SessionFlowMessages = ENGLISH_MESSAGES,
): SessionFlowStatus {
  return { state: 'checking', attempt, maxAttempts, reason, message: messages.checking, ...NO_CHOICE };
}
