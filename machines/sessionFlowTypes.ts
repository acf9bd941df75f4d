import type { SessionVerdict } from './sessionVerdict';
import type { RetryDelayOptions } from './retryDelay';

/**
 * Why a refresh call did not answer "refreshed" or "session gone". Only the first two can be an
 * outage; the others are faults that no amount of retrying fixes (a configuration, or a bug).
 */
export type RefreshFailureCause =
  /** No answer: the fetch failed or timed out. */
  | 'network'
  /** A 5xx that names nothing more specific (a core that is down, a crashed backend). */
  | 'server'
  /** The backend saw two session cookies of one name (an old cookie domain or path) and refused. */
  | 'duplicate-cookies'
  /** A 200 without the `front-token` header: a proxy strips it, or the backend cleared an old cookie. */
  | 'missing-front-token'
  /** Not the network, not an answer: a bug in the app, the kit or an SDK (a `TypeError`, an SDK not set up). */
  | 'unexpected';

export type StuckReason =
  | 'server-rejects-refreshed-session'
  | 'duplicate-session-cookies'
  | 'front-token-missing'
  | 'sign-out-failed'
  /** The document was told to reload and did not (a `beforeunload` the user refused, a sandbox). */
  | 'document-reload-failed'
  /** The refresh failed the same unexpected way twice: a bug, logged for developers. */
  | 'unexpected-error';

export interface ReloadDeadline {
  /** A soft reload that brought no new verdict by then counts as failed. */
  totalMs: number;
  /** Once the router says it rendered, the verdict must follow within this (it follows at once). */
  afterRouterMs: number;
}

export interface RedirectDeadline {
  /** The router (or the SDK's own redirect) has this long to show the sign-in page. */
  routerMs: number;
  /** Then a document load of the sign-in page has this long to take the page away. */
  documentMs: number;
}

export interface SessionFlowInput {
  /** The verdict of the first page; `undefined` when that page never checked the session. */
  verdict: SessionVerdict | undefined;
  /** Recovery attempts this tab already spent; survives document reloads (the runtime stores it). */
  recoveryAttempts?: number;
  /** How many times a successful refresh may be followed by the server still rejecting. */
  maxRecoveryAttempts?: number;
  retryDelay?: Partial<RetryDelayOptions>;
  reloadDeadline?: Partial<ReloadDeadline>;
  redirectDeadline?: Partial<RedirectDeadline>;
  /** Failed refresh calls after which `offline` also offers "Sign in again". */
  offerSignInAfterFailures?: number;
}

export interface SessionFlowContext {
  verdict: SessionVerdict | null;
  recoveryAttempts: number;
  maxRecoveryAttempts: number;
  /** How far retries have backed off after refresh calls failed on the network or with a 5xx (in `offline`, and behind a page on screen). */
  backoffLevel: number;
  lastFailure: RefreshFailureCause | null;
  /** Failed refresh calls in this recovery, counted up to `offerSignInAfterFailures`. */
  failedRefreshes: number;
  /** Configuration faults in a row; the first earns one immediate retry (SuperTokens' own fix). */
  configurationFaults: number;
  stuckReason: StuckReason | null;
  retryDelay: RetryDelayOptions;
  reloadDeadline: ReloadDeadline;
  redirectDeadline: RedirectDeadline;
  offerSignInAfterFailures: number;
}

export type SessionFlowEvent =
  | { type: 'server.verdictReceived'; verdict: SessionVerdict }
  | { type: 'page.publicShown' }
  | { type: 'refresh.succeeded' }
  | { type: 'refresh.rejected' }
  | { type: 'refresh.failed'; cause: RefreshFailureCause }
  | { type: 'reload.completed' }
  | { type: 'reload.cancelled' }
  | { type: 'reload.failed' }
  | { type: 'reload.timedOut' }
  | { type: 'redirect.failed' }
  | { type: 'redirect.timedOut' }
  | { type: 'signOut.succeeded' }
  | { type: 'signOut.failed' }
  | { type: 'retry.due' }
  /** The access token expires soon, this tab is visible and online, and no other tab refreshed it yet. */
  | { type: 'refresh.due' }
  | { type: 'network.online' }
  | { type: 'page.restored' }
  | { type: 'page.woke'; accessTokenExpired: boolean }
  | { type: 'user.retryRequested' }
  | { type: 'user.signInRequested' }
  | { type: 'session.signedOutElsewhere' }
  | { type: 'session.signedInElsewhere' }
  | { type: 'session.refreshedElsewhere' };

export const DEFAULT_MAX_RECOVERY_ATTEMPTS = 2;
export const DEFAULT_RETRY_DELAY: RetryDelayOptions = { initialMs: 1_000, maxMs: 30_000 };
export const DEFAULT_RELOAD_DEADLINE: ReloadDeadline = { totalMs: 15_000, afterRouterMs: 1_000 };
export const DEFAULT_REDIRECT_DEADLINE: RedirectDeadline = { routerMs: 8_000, documentMs: 15_000 };
export const DEFAULT_OFFER_SIGN_IN_AFTER_FAILURES = 3;

export function initialContext(input: SessionFlowInput): SessionFlowContext {
  return {
    verdict: input.verdict ?? null,
    recoveryAttempts: Math.max(0, input.recoveryAttempts ?? 0),
    maxRecoveryAttempts: Math.max(0, input.maxRecoveryAttempts ?? DEFAULT_MAX_RECOVERY_ATTEMPTS),
    backoffLevel: 0,
    lastFailure: null,
    failedRefreshes: 0,
    configurationFaults: 0,
    stuckReason: null,
    retryDelay: { ...DEFAULT_RETRY_DELAY, ...input.retryDelay },
    reloadDeadline: { ...DEFAULT_RELOAD_DEADLINE, ...input.reloadDeadline },
    redirectDeadline: { ...DEFAULT_REDIRECT_DEADLINE, ...input.redirectDeadline },
    offerSignInAfterFailures: Math.max(1, input.offerSignInAfterFailures ?? DEFAULT_OFFER_SIGN_IN_AFTER_FAILURES),
  };
}

const CONFIGURATION_FAULTS: Readonly<Partial<Record<RefreshFailureCause, StuckReason>>> = {
  'duplicate-cookies': 'duplicate-session-cookies',
  'missing-front-token': 'front-token-missing',
  unexpected: 'unexpected-error',
};

/** The stuck reason a configuration fault ends in; `undefined` for a failure that may be an outage. */
export function stuckReasonForFault(cause: RefreshFailureCause): StuckReason | undefined {
  return CONFIGURATION_FAULTS[cause];
}
