import type { RefreshFailureCause } from '../../machines/sessionFlowMachine';

/**
 * Everything the session-flow runtime needs from the outside world. The browser implementation
 * lives in `browserPorts.ts`; tests and the model-based test kit pass fakes.
 */
export interface SessionFlowPorts {
  /** Resolves `true` when refreshed, `false` when the session is gone; throws on transient faults. */
  refreshSession(): Promise<boolean>;
  /** Re-runs the current page's server props without a document reload; `false` if it could not. */
  reloadServerProps(): Promise<boolean>;
  reloadDocument(): void;
  /** `returnTo` is already checked to stay on this origin. */
  redirectToSignIn(returnTo: string): void;
  /** The current page, as the browser shows it (hash included, which the server never sees). */
  currentUrl(): URL;
  /** Schedules `callback`; returns a function that cancels it. */
  setTimer(callback: () => void, delayMs: number): () => void;
  recoveryAttempts: RecoveryAttemptStore;
}

/** Per-tab memory of spent recovery attempts, so the loop budget survives document reloads. */
export interface RecoveryAttemptStore {
  read(): number;
  write(attempts: number): void;
  clear(): void;
}

/**
 * supertokens-web-js rethrows what went wrong: the fetch `TypeError` when the request never got an
 * answer, or the `Response` itself for an unexpected status (a 5xx from a backend whose core is
 * down). A 401 never gets here: the SDK turns it into `false`.
 */
export function classifyRefreshError(error: unknown): RefreshFailureCause {
  const isResponse = typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';
  return isResponse ? 'server' : 'network';
}
