import type { RefreshFailureCause } from 'ssr-session-flow/machine';
import type { CrossTabSessionEvents } from './crossTabSessionEvents';

/**
 * Everything the session-flow runtime needs from the outside world. The browser implementation
 * lives in `browserPorts.ts`; tests and the model-based test kit pass fakes that behave like it.
 */
export interface SessionFlowPorts {
  /** Resolves `true` when refreshed, `false` when the session is gone; throws on other faults. */
  refreshSession(): Promise<boolean>;
  /**
   * Re-runs the current page's server props without a document reload. Resolves `true` once the
   * router rendered the page again, `false` when a newer navigation cancelled it; rejects when it
   * failed (the Next router does, for a failed data request to the URL it shows).
   */
  reloadServerProps(): Promise<boolean>;
  reloadDocument(): void;
  /** `returnTo` is already checked to stay on this origin. */
  redirectToSignIn(returnTo: string): void;
  /** On a sign-in page that carries a way back (`redirectToPath`), follows it; elsewhere does nothing. */
  returnFromSignIn(): void;
  /** Ends the session on the backend and in this browser; rejects when that did not happen. */
  signOut(): Promise<void>;
  /** The current page, as the browser shows it (hash included, which the server never sees). */
  currentUrl(): URL;
  /** Schedules `callback`; returns a function that cancels it. */
  setTimer(callback: () => void, delayMs: number): () => void;
  recoveryAttempts: RecoveryAttemptStore;
  /** Whether the access token this browser holds has expired (`false` without a session). */
  isAccessTokenExpired(): Promise<boolean>;
  /** Sign-in, sign-out and refresh in the other tabs of this browser. */
  sessionEvents: CrossTabSessionEvents;
}

/** Per-tab memory of spent recovery attempts, so the loop budget survives document reloads. */
export interface RecoveryAttemptStore {
  read(): number;
  write(attempts: number): void;
  clear(): void;
}

/** The message supertokens-node gives when a refresh carries two session cookies of one name. */
const DUPLICATE_COOKIES_TEXT = 'multiple session cookies';
/** supertokens-website's error for a successful refresh whose answer has no `front-token` header. */
const MISSING_FRONT_TOKEN_TEXT = "'front-token' header is missing";

interface ResponseLike {
  status: number;
  clone?: () => { text(): Promise<string> };
  text?: () => Promise<string>;
}

/**
 * supertokens-web-js rethrows what went wrong: the fetch `TypeError` when the request never got an
 * answer, the `Response` itself for an unexpected status, or its own `Error` when a 200 lacks the
 * `front-token` header. A 401 never gets here: the SDK turns it into `false`. A 5xx is read, not
 * just counted: the duplicate-cookie answer is a configuration fault, not an outage.
 */
export async function classifyRefreshError(error: unknown): Promise<RefreshFailureCause> {
  if (isResponseLike(error)) {
    const body = await readBody(error);
    return body.toLowerCase().includes(DUPLICATE_COOKIES_TEXT) ? 'duplicate-cookies' : 'server';
  }
  if (error instanceof Error && error.message.includes(MISSING_FRONT_TOKEN_TEXT)) return 'missing-front-token';
  return 'network';
}

function isResponseLike(error: unknown): error is ResponseLike {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';
}

async function readBody(response: ResponseLike): Promise<string> {
  try {
    const readable = typeof response.clone === 'function' ? response.clone() : response;
    return typeof readable.text === 'function' ? await readable.text() : '';
  } catch {
    // a body already read or a connection cut mid-body: the status alone decides
    return '';
  }
}
