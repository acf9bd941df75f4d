import type { IncomingMessage } from 'node:http';
import { getSSRSession } from 'supertokens-node/nextjs';
import { Error as SessionError, getSessionWithoutRequestResponse } from 'supertokens-node/recipe/session';
import type { NeedsRefreshReason, SessionVerdict } from 'ssr-session-flow/machine';
import { readCookies } from './readCookie';
import { createVerifiedTokenCache } from './verifiedTokenCache';

export const ACCESS_TOKEN_COOKIE = 'sAccessToken';

/** Responses that depend on the session must never be stored by a browser, CDN or proxy cache. */
export const SESSION_CACHE_CONTROL = 'private, no-store';

export interface SessionCheckOptions {
  /**
   * Also ask the core whether the session still exists, so a revoked session is caught before its
   * access token expires. Costs one core call per render; off by default.
   */
  checkDatabase?: boolean;
}

/** What a page gets when the server accepted the session. */
export interface VerifiedSession {
  userId: string;
  accessTokenPayload: Record<string, unknown>;
}

export type SessionCheck =
  | { verdict: Extract<SessionVerdict, { status: 'ok' }>; session: VerifiedSession }
  | { verdict: Extract<SessionVerdict, { status: 'needs-refresh' }>; session?: undefined };

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
  // As supertokens-node does: with two tokens there is no telling which is current.
  if (accessTokens.length > 1) return needsRefresh('duplicate');
  const [accessToken] = accessTokens;
  if (!accessToken) return needsRefresh('missing');
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
  const parts = accessToken.split('.');
  if (parts.length !== 3 || !parts[1]) return 'invalid';
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    const exp = typeof claims === 'object' && claims !== null ? (claims as { exp?: unknown }).exp : undefined;
    if (typeof exp !== 'number') return 'invalid';
    return exp * 1000 <= now ? 'expired' : 'unexpired';
  } catch {
    return 'invalid';
  }
}
