import type { IncomingMessage } from 'node:http';
import { getSSRSession } from 'supertokens-node/nextjs';
import { Error as SessionError, getSessionInformation, getSessionWithoutRequestResponse } from 'supertokens-node/recipe/session';
import type { NeedsRefreshReason, SessionVerdict } from 'ssr-session-flow/machine';
import { ACCESS_TOKEN_COOKIE } from './accessTokenCookie';
import { readCookies } from './readCookie';
import { createVerifiedTokenCache } from './verifiedTokenCache';

export { ACCESS_TOKEN_COOKIE };

/** Responses that depend on the session must never be stored by a browser, CDN or proxy cache. */
export const SESSION_CACHE_CONTROL = 'private, no-store';

export interface SessionCheckOptions {
  /**
   * Also ask the core whether the session still exists, so a revoked session is caught before its
   * access token expires. Costs one core call per render; off by default.
   */
  checkDatabase?: boolean;
  /**
   * The path SuperTokens sets the access token on (`Session.init`'s `accessTokenPath`, `/` by
   * default): a duplicate on any other path the request carried is stale and is expired where the
   * response can be written.
   */
  accessTokenPath?: string;
}

/** What a page gets when the server accepted the session. */
export interface VerifiedSession {
  userId: string;
  accessTokenPayload: Record<string, unknown>;
}

export type SessionCheck = (
  | { verdict: Extract<SessionVerdict, { status: 'ok' }>; session: VerifiedSession }
  | { verdict: Extract<SessionVerdict, { status: 'needs-refresh' }>; session?: undefined }
) & {
  /**
   * The request carried more than one access-token cookie (one left on a narrower path by an old
   * deployment, or on a parent domain by another app). A caller that writes the response expires
   * the ones it can reach: `expireStaleAccessTokens(res, req.url)`.
   */
  duplicateSessionCookies?: true;
};

/** The part of a Next context (getServerSideProps or getInitialProps on the server) we read. */
export interface RequestContext {
  req: Pick<IncomingMessage, 'headers'>;
}

export async function getSessionVerdict(ctx: RequestContext, options: SessionCheckOptions = {}): Promise<SessionVerdict> {
  return (await checkSession(ctx, options)).verdict;
}

/**
 * Verifies the access token of a page request and never writes to the response.
 *
 * Why no token rotation here (the SDK's `getSession(req, res)` may rotate): SuperTokens moved its
 * SSR docs to JWT-only checks because tokens rotated during rendering can fail to reach the
 * browser, or reach the wrong one: a cached or shared response would carry Set-Cookie, and
 * concurrent renders (prefetches, several tabs) would race the browser's own refresh. Only the
 * browser refreshes; the server only reads. The default check is local (signature and expiry
 * against the core's JWKS, no core call per request); `checkDatabase` adds revocation.
 */
export async function checkSession(ctx: RequestContext, options: SessionCheckOptions = {}): Promise<SessionCheck> {
  const accessTokens = readCookies(ctx.req.headers.cookie, ACCESS_TOKEN_COOKIE);
  if (accessTokens.length === 0) return needsRefresh('missing');
  if (accessTokens.length === 1) return checkAccessToken(accessTokens[0]!, options);
  return (await chooseAccessToken(accessTokens, options)).check;
}

/** Beyond this many access-token cookies in one request none is verified: a header built to make the server work. */
export const MAX_VERIFIED_DUPLICATES = 4;

export interface AccessTokenChoice {
  check: SessionCheck;
  /**
   * The one token the request should be read with (the others never verified, or are older
   * tokens of the same session), or `undefined`: none verified, or two sessions are in conflict.
   */
  chosen?: string;
  /** Two tokens of different sessions both verified: a conflict, never a choice. */
  conflict: boolean;
}

/**
 * Several access-token cookies: each is verified, and the request is read with the one that
 * verifies when exactly one session does (the newest token of it). Two tokens of different
 * sessions that both verify, or a verified one beside an expired one of another user's live
 * session, are a conflict, never a choice: a cookie another app on the host planted must not swap users. None verifying is named `duplicate`, so the user is told what
 * stands in the way rather than that the server rejects a refreshed session.
 */
export async function chooseAccessToken(accessTokens: readonly string[], options: SessionCheckOptions = {}): Promise<AccessTokenChoice> {
  const refused: AccessTokenChoice = { check: { ...needsRefresh('duplicate'), duplicateSessionCookies: true }, conflict: false };
  if (accessTokens.length > MAX_VERIFIED_DUPLICATES) return refused;
  const distinct = [...new Set(accessTokens)];
  const checks = await Promise.all(distinct.map((token) => checkAccessToken(token, options)));
  const accepted = distinct.flatMap((token, index) => {
    const { session } = checks[index]!;
    return session ? [{ token, session }] : [];
  });
  if (accepted.length === 0) return refused;
  if (!oneSession(accepted.map(({ session }) => session))) return { ...refused, conflict: true };
  // A rejected token of another user's live session is a conflict too: the victim's own token may
  // just have expired while one planted beside it still verifies. Unverified claims only ever refuse.
  const userId = accepted[0]!.session.userId;
  const rejected = distinct.filter((_, index) => !checks[index]!.session);
  const othersLive = await Promise.all(rejected.map((token) => isAnotherUsersLiveSession(token, userId)));
  if (othersLive.includes(true)) return { ...refused, conflict: true };
  const newest = accepted.reduce((a, b) => (issuedAt(b.session) > issuedAt(a.session) ? b : a));
  return {
    check: { verdict: { status: 'ok', userId: newest.session.userId }, session: newest.session, duplicateSessionCookies: true },
    chosen: newest.token,
    conflict: false,
  };
}

/** Whether the tokens belong to one session; a token without a session handle is a session of its own. */
function oneSession(sessions: readonly VerifiedSession[]): boolean {
  if (sessions.length === 1) return true;
  const [first] = sessions.map((session) => session.accessTokenPayload.sessionHandle);
  return typeof first === 'string' && sessions.every((session) => session.accessTokenPayload.sessionHandle === first);
}

function issuedAt(session: VerifiedSession): number {
  const iat = session.accessTokenPayload.iat;
  return typeof iat === 'number' ? iat : 0;
}

function checkAccessToken(accessToken: string, options: SessionCheckOptions): Promise<SessionCheck> {
  return options.checkDatabase ? checkWithCore(accessToken) : checkLocally(accessToken);
}

const verifiedTokens = createVerifiedTokenCache();

async function checkLocally(accessToken: string): Promise<SessionCheck> {
  const remembered = verifiedTokens.get(accessToken);
  if (remembered) return accepted(remembered) ?? needsRefresh('invalid');
  const verified = await verifyLocally(accessToken);
  const check = verified && accepted(verified);
  if (!check) return needsRefresh(readUnverifiedExpiry(accessToken) === 'expired' ? 'expired' : 'invalid');
  verifiedTokens.remember(accessToken, verified);
  return check;
}

/** The accepted check for a verified payload, or `undefined` when it names no user. */
function accepted(accessTokenPayload: Record<string, unknown>): SessionCheck | undefined {
  const userId = accessTokenPayload.sub;
  if (typeof userId !== 'string' || userId.length === 0) return undefined;
  return { verdict: { status: 'ok', userId }, session: { userId, accessTokenPayload } };
}

async function verifyLocally(accessToken: string): Promise<Record<string, unknown> | undefined> {
  const { accessTokenPayload, error } = await getSSRSession([{ name: ACCESS_TOKEN_COOKIE, value: accessToken }]);
  // Only setup faults surface here (SuperTokens not initialised); token faults come back as no payload.
  if (error) throw error;
  return accessTokenPayload;
}

async function checkWithCore(accessToken: string): Promise<SessionCheck> {
  try {
    const session = await getSessionWithoutRequestResponse(accessToken, undefined, {
      checkDatabase: true,
      // As in the SuperTokens docs: claims (e.g. email verification) are the client's to enforce.
      overrideGlobalClaimValidators: () => [],
    });
    const userId = session.getUserId();
    return { verdict: { status: 'ok', userId }, session: { userId, accessTokenPayload: session.getAccessTokenPayload() } };
  } catch (error) {
    if (SessionError.isErrorFromSuperTokens(error)) {
      const expiry = readUnverifiedExpiry(accessToken);
      if (error.type === SessionError.TRY_REFRESH_TOKEN) return needsRefresh(expiry === 'expired' ? 'expired' : 'invalid');
      // UNAUTHORISED for a well-formed, unexpired token: the core no longer knows the session.
      if (error.type === SessionError.UNAUTHORISED) return needsRefresh(expiry === 'unexpired' ? 'revoked' : expiry);
    }
    throw error;
  }
}

function needsRefresh(reason: NeedsRefreshReason): SessionCheck {
  return { verdict: { status: 'needs-refresh', reason } };
}

/**
 * Reads `exp` without verifying the signature. Used only to label an already-rejected token, so
 * the client can tell "expired" from "tampered"; never to accept one.
 */
function readUnverifiedExpiry(accessToken: string, now = Date.now()): 'expired' | 'unexpired' | 'invalid' {
  const exp = readUnverifiedClaims(accessToken)?.exp;
  if (typeof exp !== 'number') return 'invalid';
  return exp * 1000 <= now ? 'expired' : 'unexpired';
}

/**
 * Whether a rejected token names another user whose session the core still holds (an expired
 * token of a live session). Tokens of another app's core, or of sessions long gone, are stale and
 * read past. One core call, only for a rejected duplicate naming someone else; when the core
 * cannot answer, the answer is yes: refusing to choose is the safe side.
 */
async function isAnotherUsersLiveSession(accessToken: string, userId: string): Promise<boolean> {
  const claims = readUnverifiedClaims(accessToken);
  const sub = claims?.sub;
  const sessionHandle = claims?.sessionHandle;
  if (typeof sub !== 'string' || sub === userId || typeof sessionHandle !== 'string' || sessionHandle === '') return false;
  try {
    return (await getSessionInformation(sessionHandle))?.userId === sub;
  } catch {
    return true;
  }
}

function readUnverifiedClaims(accessToken: string): Record<string, unknown> | undefined {
  const parts = accessToken.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
