import type { RefreshFailureCause } from 'ssr-session-flow/machine';
import type { CrossTabSessionEvents } from './crossTabSessionEvents';

/**
 * What differs between Next's two routers (an adapter each: `ssr-session-flow/pages-router/client`,
 * `ssr-session-flow/app-router/client`).
 */
export interface RouterPorts {
  /**
   * Re-runs the current page's server props (or server components) without a document reload.
   * Resolves `true` once the router rendered the page again, `false` when a newer navigation
   * cancelled it; rejects when it failed (the pages router does, for a failed data request to
   * the URL it shows).
   */
  reloadServerProps(): Promise<boolean>;
  /** Goes to a path of this site with the router. */
  navigate(url: string): void;
  /** A hash a reload took off the address bar for a while (the pages router's), `''` otherwise. */
  hashInFlight(): string;
}

/** What the session SDK does (the adapter: `ssr-session-flow/supertokens/client`). */
export interface SessionPorts {
  /** Resolves `true` when refreshed, `false` when the session is gone; rejects on other faults. */
  refreshSession(): Promise<boolean>;
  /** What a rejected refresh means: an outage to wait out, or a fault to name. */
  classifyRefreshFailure(error: unknown): Promise<RefreshFailureCause>;
  /** Lets the SDK hold its own work back while the server props reload (see the SuperTokens adapter). */
  whileReloading<T>(reload: Promise<T>): Promise<T>;
  /** Ends the session on the backend and in this browser; rejects when that did not happen. */
  signOut(): Promise<void>;
  /**
   * Starts the way to the sign-in page, `returnTo` (a path on this origin) as the way back: with
   * the SDK's own redirect, or with `navigate` (the router's) to `signInUrl(returnTo)`. Rejects
   * (or throws) when it cannot even start. The flow gives it a deadline, then loads
   * `signInUrl(returnTo)` as a document, then offers that URL as a link.
   */
  redirectToSignIn(returnTo: string, navigate: (url: string) => void): Promise<void> | void;
  /** The sign-in page's URL with `returnTo` as its way back, for a document load or a link. */
  signInUrl(returnTo: string): string;
  /** Whether the access token this browser holds has expired (`false` without a session). */
  isAccessTokenExpired(): Promise<boolean>;
  /** Whether this browser holds a session at all (signed in here or in another tab). */
  hasSession(): Promise<boolean>;
  /**
   * The access token this browser holds, for refreshing ahead of its expiry; `null` without a
   * session or when the token does not say. Without this port the flow refreshes only on demand.
   */
  accessTokenTimes?(): Promise<AccessTokenTimes | null>;
}

/** On the SDK's clock (corrected for the skew between browser and backend). */
export interface AccessTokenTimes {
  /** Until the access token expires: negative once it has. */
  expiresInMs: number;
  /** From its issue to its expiry. */
  lifetimeMs: number;
  /** When it expires (ms since epoch); it also names the token among the tabs (see `claimRefreshAhead`). */
  expiresAt: number;
}

/**
 * Everything the session-flow runtime needs from the outside world: a router, a session SDK and
 * the browser (`createBrowserPorts` puts the three together). Tests and the model-based test kit
 * pass fakes that behave like them.
 */
export interface SessionFlowPorts {
  refreshSession: SessionPorts['refreshSession'];
  classifyRefreshFailure: SessionPorts['classifyRefreshFailure'];
  reloadServerProps: RouterPorts['reloadServerProps'];
  reloadDocument(): void;
  /** `returnTo` is already checked to stay on this origin. */
  redirectToSignIn(returnTo: string): Promise<void> | void;
  signInUrl: SessionPorts['signInUrl'];
  /** Loads `url` as a new document (`location.assign`). */
  loadDocument(url: string): void;
  /** On a sign-in page that carries a way back (`redirectToPath`), follows it; elsewhere does nothing. */
  returnFromSignIn(): void;
  signOut: SessionPorts['signOut'];
  /** The current page, as the browser shows it (hash included, which the server never sees). */
  currentUrl(): URL;
  /** Schedules `callback`; returns a function that cancels it. */
  setTimer(callback: () => void, delayMs: number): () => void;
  recoveryAttempts: RecoveryAttemptStore;
  isAccessTokenExpired: SessionPorts['isAccessTokenExpired'];
  hasSession: SessionPorts['hasSession'];
  /** `null` where the session SDK's ports cannot tell: no refresh ahead of expiry then. */
  accessTokenTimes(): Promise<AccessTokenTimes | null>;
  /** Visible and online: a refresh ahead of expiry waits for both. */
  isTabActive(): boolean;
  /** Sign-in, sign-out and refresh in the other tabs of this browser. */
  sessionEvents: CrossTabSessionEvents;
}

/** Per-tab memory of spent recovery attempts, so the loop budget survives document reloads. */
export interface RecoveryAttemptStore {
  read(): number;
  write(attempts: number): void;
  clear(): void;
}
