import { CoreHttpError } from '../errors';
import { cloneJson, type JsonObject } from '../json';
import type { StoredSession } from '../store/types';
import {
  AccessTokenError,
  assertNoProtectedClaims,
  decodeAccessToken,
  type AccessTokenClaims,
} from '../tokens/accessToken';
import { UnauthorisedError, type AppContext } from './context';
import { identityOf, mintAccessToken, sessionJson, tokenJson } from './sessionTokens';

/** A session row that exists and has not expired, else the core's "Session does not exist." */
export function liveSession(ctx: AppContext, handle: string): StoredSession {
  const row = ctx.app.sessions.get(handle);
  if (!row || row.expiry <= ctx.clock.now()) throw new UnauthorisedError('Session does not exist.');
  return row;
}

/** Stands in for the core's cron job that deletes expired sessions. */
export function pruneExpiredSessions(ctx: AppContext): void {
  const now = ctx.clock.now();
  for (const [handle, row] of ctx.app.sessions) {
    if (row.expiry < now) {
      ctx.app.sessions.delete(handle);
      ctx.changed();
    }
  }
}

/**
 * The core decodes the token without checking its signature. A string that is not a JWT at all
 * makes the core fail with a 500 naming its exception; that answer is kept.
 */
function claimsForRegenerate(token: string): AccessTokenClaims {
  try {
    return decodeAccessToken(token);
  } catch (error) {
    if (error instanceof AccessTokenError && error.reason === 'malformed') {
      throw new CoreHttpError(500, `io.supertokens.session.jwt.JWT$JWTException: ${error.message}`);
    }
    if (error instanceof AccessTokenError) throw new UnauthorisedError(error.message);
    throw error;
  }
}

export async function regenerateSession(
  ctx: AppContext,
  input: { accessToken: string; userDataInJWT: JsonObject | undefined },
): Promise<JsonObject> {
  const claims = claimsForRegenerate(input.accessToken);
  const row = liveSession(ctx, claims.sessionHandle);
  const userData = input.userDataInJWT ?? row.userDataInJWT;
  assertNoProtectedClaims(userData);
  row.userDataInJWT = cloneJson(userData);
  ctx.changed();
  const identity = identityOf(claims);
  const session = sessionJson(identity, cloneJson(userData));
  if (claims.exp * 1000 < ctx.clock.now()) return { status: 'OK', session };
  const accessToken = await mintAccessToken(ctx, {
    ...identity,
    refreshTokenHash1: claims.refreshTokenHash1,
    parentRefreshTokenHash1: claims.parentRefreshTokenHash1,
    antiCsrfToken: claims.antiCsrfToken,
    userData,
    useStaticKey: row.useStaticKey,
    expiresAt: claims.exp * 1000,
  });
  return { status: 'OK', session, accessToken: tokenJson(accessToken) };
}

/** Deletes the rows that exist; answers only those, as the core does. */
export function removeSessions(ctx: AppContext, handles: readonly string[]): JsonObject {
  const revoked = handles.filter((handle) => ctx.app.sessions.has(handle));
  for (const handle of revoked) ctx.app.sessions.delete(handle);
  if (revoked.length > 0) ctx.changed();
  return { status: 'OK', sessionHandlesRevoked: revoked };
}

/**
 * Divergence: with no account linking, "sessions of linked accounts" are the user's own; with
 * a single tenant per app, "across all tenants" and "this tenant" are the same set.
 */
export function sessionHandlesForUser(ctx: AppContext, userId: string): string[] {
  const now = ctx.clock.now();
  return [...ctx.app.sessions.values()]
    .filter((row) => row.userId === userId && row.expiry >= now)
    .map((row) => row.handle);
}

export function sessionInformation(ctx: AppContext, handle: string): JsonObject {
  const row = liveSession(ctx, handle);
  return {
    status: 'OK',
    sessionHandle: row.handle,
    userId: row.userId,
    recipeUserId: row.recipeUserId,
    userDataInDatabase: cloneJson(row.userDataInDatabase),
    expiry: row.expiry,
    userDataInJWT: cloneJson(row.userDataInJWT),
    timeCreated: row.timeCreated,
    tenantId: row.tenantId,
  };
}

export function updateSessionData(ctx: AppContext, handle: string, userDataInDatabase: JsonObject): JsonObject {
  liveSession(ctx, handle).userDataInDatabase = cloneJson(userDataInDatabase);
  ctx.changed();
  return { status: 'OK' };
}

/** Applies at the next refresh or promoting verify; checked for protected claims first, like the core. */
export function updateJwtData(ctx: AppContext, handle: string, userDataInJWT: JsonObject): JsonObject {
  assertNoProtectedClaims(userDataInJWT);
  liveSession(ctx, handle).userDataInJWT = cloneJson(userDataInJWT);
  ctx.changed();
  return { status: 'OK' };
}
