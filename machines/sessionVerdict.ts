/**
 * What the server decided about the session while rendering a page. Shared by the server helpers,
 * the machine and `_app`; it has no dependencies so every side can import it.
 */
export type NeedsRefreshReason =
  /** No access token reached the server. */
  | 'missing'
  /** The access token's signature verified but it is past its expiry. */
  | 'expired'
  /** The token is malformed, tampered with, or signed by an unknown key. */
  | 'invalid'
  /** The core says the session no longer exists (only with `checkDatabase`). */
  | 'revoked'
  /**
   * Two access-token cookies reached the server (an old cookie domain or path), as supertokens-node
   * also refuses: the refresh clears the older one where `olderCookieDomain` says which it is.
   */
  | 'duplicate';

export type SessionVerdict =
  | { status: 'ok'; userId: string }
  | { status: 'needs-refresh'; reason: NeedsRefreshReason };

export type NeedsRefreshVerdict = Extract<SessionVerdict, { status: 'needs-refresh' }>;

/**
 * Page props of a session-checked page. The `needs-refresh` member keeps the SuperTokens docs'
 * `fromSupertokens: 'needs-refresh'` prop, so `_app` code written from those docs still works.
 */
export type SessionPageProps<P extends object = object> = AcceptedSessionProps<P> | NeedsRefreshProps;

/** What a page component receives: `_app` renders it only once the server accepted the session. */
export type AcceptedSessionProps<P extends object = object> = P & { sessionVerdict: { status: 'ok'; userId: string } };

export interface NeedsRefreshProps {
  sessionVerdict: NeedsRefreshVerdict;
  fromSupertokens: 'needs-refresh';
}

const REASONS: ReadonlySet<string> = new Set<NeedsRefreshReason>(['missing', 'expired', 'invalid', 'revoked', 'duplicate']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isSessionVerdict(value: unknown): value is SessionVerdict {
  if (!isRecord(value)) return false;
  if (value.status === 'ok') return typeof value.userId === 'string' && value.userId.length > 0;
  return value.status === 'needs-refresh' && typeof value.reason === 'string' && REASONS.has(value.reason);
}

/**
 * The verdict carried by a page's props, or `undefined` for pages that never checked the
 * session (public pages pass through `_app` untouched). A page written from the SuperTokens docs,
 * which only returns `fromSupertokens: 'needs-refresh'`, counts as an expired session.
 */
export function readSessionVerdict(pageProps: unknown): SessionVerdict | undefined {
  if (!isRecord(pageProps)) return undefined;
  if (isSessionVerdict(pageProps.sessionVerdict)) return pageProps.sessionVerdict;
  // The prop's name before 0.4, which pages built with 0.3 still return (until 0.5).
  if (isSessionVerdict(pageProps.sessionOutcome)) return pageProps.sessionOutcome;
  if (pageProps.fromSupertokens === 'needs-refresh') return { status: 'needs-refresh', reason: 'expired' };
  return undefined;
}

/** @deprecated Since 0.4: `SessionVerdict`. Removed in 0.5. */
export type SessionOutcome = SessionVerdict;
/** @deprecated Since 0.4: `NeedsRefreshVerdict`. Removed in 0.5. */
export type NeedsRefreshOutcome = NeedsRefreshVerdict;
/** @deprecated Since 0.4: `isSessionVerdict`. Removed in 0.5. */
export const isSessionOutcome = isSessionVerdict;
/** @deprecated Since 0.4: `readSessionVerdict`. Removed in 0.5. */
export const readSessionOutcome = readSessionVerdict;
