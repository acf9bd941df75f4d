import { randomUUID } from 'node:crypto';
import { cloneJson, jsonEquals, type JsonObject } from '../json';
import {
  AccessTokenError,
  assertNoProtectedClaims,
  verifyAccessToken,
  type AccessTokenClaims,
} from '../tokens/accessToken';
import { sha256Hex } from '../tokens/hash';
import { openRefreshToken } from '../tokens/refreshToken';
import { findVerificationKey, rotateSigningKeys } from '../tokens/signingKeys';
import { TryRefreshTokenError, UnauthorisedError, type AppContext } from './context';
import { pruneExpiredSessions } from './sessionAdmin';
import {
  identityOf,
  mintAccessToken,
  mintRefreshToken,
  newAntiCsrfToken,
  sessionJson,
  tokenJson,
} from './sessionTokens';

export interface CreateSessionInput {
  tenantId: string;
  userId: string;
  userDataInJWT: JsonObject;
  userDataInDatabase: JsonObject;
  enableAntiCsrf: boolean;
  useStaticKey: boolean;
}

/**
 * Divergence: user id mapping and account linking do not exist here, so the primary and the
 * recipe user id of a session are always the `userId` given (the core resolves both).
 */
export async function createSession(ctx: AppContext, input: CreateSessionInput): Promise<JsonObject> {
  assertNoProtectedClaims(input.userDataInJWT);
  const suffix = input.tenantId === 'public' ? '' : `_${input.tenantId}`;
  const handle = `${randomUUID()}${suffix}`;
  const identity = { handle, userId: input.userId, recipeUserId: input.userId, tenantId: input.tenantId };
  const antiCsrfToken = newAntiCsrfToken(input.enableAntiCsrf);
  const refreshToken = mintRefreshToken(ctx, {
    sessionHandle: identity.handle,
    userId: identity.recipeUserId,
    parentRefreshTokenHash1: null,
    antiCsrfToken,
    tenantId: input.tenantId,
  });
  const accessToken = await mintAccessToken(ctx, {
    ...identity,
    refreshTokenHash1: sha256Hex(refreshToken.token),
    parentRefreshTokenHash1: null,
    antiCsrfToken,
    userData: input.userDataInJWT,
    useStaticKey: input.useStaticKey,
  });
  pruneExpiredSessions(ctx);
  ctx.app.sessions.set(identity.handle, {
    ...identity,
    refreshTokenHash2: sha256Hex(sha256Hex(refreshToken.token)),
    userDataInJWT: cloneJson(input.userDataInJWT),
    userDataInDatabase: cloneJson(input.userDataInDatabase),
    expiry: refreshToken.expiry,
    timeCreated: refreshToken.createdTime,
    useStaticKey: input.useStaticKey,
  });
  ctx.changed();
  return {
    status: 'OK',
    session: sessionJson(identity, input.userDataInJWT),
    accessToken: tokenJson(accessToken),
    refreshToken: tokenJson(refreshToken),
    ...(antiCsrfToken === null ? {} : { antiCsrfToken }),
  };
}

export interface VerifySessionInput {
  accessToken: string;
  antiCsrfToken: string | undefined;
  doAntiCsrfCheck: boolean;
  enableAntiCsrf: boolean;
  checkDatabase: boolean;
}

/** The core's Session.getSession: promotes a child refresh token on the first use of its access token. */
export async function verifySession(ctx: AppContext, input: VerifySessionInput): Promise<JsonObject> {
  const claims = await verifiedClaims(ctx, input.accessToken);
  const antiCsrfCheck = input.enableAntiCsrf && input.doAntiCsrfCheck;
  if (antiCsrfCheck && claims.antiCsrfToken === null) {
    throw new TryRefreshTokenError(
      'Access token does not contain all the information. Maybe the structure has changed?',
    );
  }
  if (antiCsrfCheck && input.antiCsrfToken !== claims.antiCsrfToken) {
    throw new TryRefreshTokenError('anti-csrf check failed');
  }
  const identity = identityOf(claims);
  const rowForCheck = input.checkDatabase ? ctx.app.sessions.get(claims.sessionHandle) : undefined;
  if (input.checkDatabase && !rowForCheck) {
    throw new UnauthorisedError('Either the session has ended or has been blacklisted');
  }
  const payloadChanged = rowForCheck !== undefined && !jsonEquals(claims.userData, rowForCheck.userDataInJWT);
  const unchanged = { status: 'OK', session: sessionJson(identity, claims.userData) };
  if (claims.parentRefreshTokenHash1 === null && !payloadChanged) return unchanged;

  const row = ctx.app.sessions.get(claims.sessionHandle);
  if (!row) throw new UnauthorisedError('Session missing in db');
  const parent = claims.parentRefreshTokenHash1;
  const promote = parent !== null && row.refreshTokenHash2 === sha256Hex(parent);
  if (!promote && row.refreshTokenHash2 !== sha256Hex(claims.refreshTokenHash1) && !payloadChanged) {
    // A stale sibling token (its refresh token lost the race): still accepted, as by the core.
    return unchanged;
  }
  if (promote) {
    row.refreshTokenHash2 = sha256Hex(claims.refreshTokenHash1);
    row.expiry = ctx.clock.now() + ctx.config.refreshTokenValidityMs;
    ctx.changed();
  }
  const accessToken = await mintAccessToken(ctx, {
    ...identity,
    refreshTokenHash1: claims.refreshTokenHash1,
    parentRefreshTokenHash1: null,
    antiCsrfToken: claims.antiCsrfToken,
    userData: row.userDataInJWT,
    useStaticKey: row.useStaticKey,
  });
  const session = sessionJson(identity, cloneJson(row.userDataInJWT));
  return { status: 'OK', session, accessToken: tokenJson(accessToken) };
}

async function verifiedClaims(ctx: AppContext, token: string): Promise<AccessTokenClaims> {
  if (rotateSigningKeys(ctx.app, ctx.config, ctx.clock.now())) ctx.changed();
  let claims: AccessTokenClaims;
  try {
    claims = await verifyAccessToken(token, (kid) => findVerificationKey(ctx.app, kid));
  } catch (error) {
    if (error instanceof AccessTokenError) throw new TryRefreshTokenError(error.message);
    throw error;
  }
  if (claims.exp * 1000 < ctx.clock.now()) throw new TryRefreshTokenError('Access token expired');
  return claims;
}

export interface RefreshSessionInput {
  refreshToken: string;
  antiCsrfToken: string | undefined;
  enableAntiCsrf: boolean;
  useDynamicSigningKey: boolean;
}

/**
 * Refresh with rotation and theft detection (core Session.refreshSession): the current parent
 * token may be used again and again, each time minting a child, until a child is promoted (by
 * its own refresh or by the first verify of its access token); any later use of the parent or
 * of another child is theft.
 */
export async function refreshSession(ctx: AppContext, input: RefreshSessionInput): Promise<JsonObject> {
  const decoded = openRefreshToken(ctx.app.refreshTokenKey, input.refreshToken);
  if (!decoded) throw new UnauthorisedError('Invalid refresh token');
  if (input.enableAntiCsrf && decoded.antiCsrfToken !== null && decoded.antiCsrfToken !== input.antiCsrfToken) {
    throw new UnauthorisedError('Anti CSRF token missing, or not matching');
  }
  const row = ctx.app.sessions.get(decoded.sessionHandle);
  const now = ctx.clock.now();
  if (!row || row.expiry < now) throw new UnauthorisedError('Session missing in db or has expired');
  const useStaticKey = !input.useDynamicSigningKey;
  const tokenHash2 = sha256Hex(sha256Hex(input.refreshToken));

  if (row.refreshTokenHash2 !== tokenHash2) {
    const isUnpromotedChild =
      decoded.parentRefreshTokenHash1 !== null && sha256Hex(decoded.parentRefreshTokenHash1) === row.refreshTokenHash2;
    if (!isUnpromotedChild) {
      return {
        status: 'TOKEN_THEFT_DETECTED',
        session: { handle: row.handle, userId: row.userId, recipeUserId: row.recipeUserId },
      };
    }
    row.refreshTokenHash2 = tokenHash2;
    row.expiry = now + ctx.config.refreshTokenValidityMs;
  }
  row.useStaticKey = useStaticKey;
  ctx.changed();

  const antiCsrfToken = newAntiCsrfToken(input.enableAntiCsrf);
  const child = mintRefreshToken(ctx, {
    sessionHandle: row.handle,
    userId: row.recipeUserId,
    parentRefreshTokenHash1: sha256Hex(input.refreshToken),
    antiCsrfToken,
    tenantId: row.tenantId,
  });
  const accessToken = await mintAccessToken(ctx, {
    handle: row.handle,
    userId: row.userId,
    recipeUserId: row.recipeUserId,
    tenantId: row.tenantId,
    refreshTokenHash1: sha256Hex(child.token),
    parentRefreshTokenHash1: sha256Hex(input.refreshToken),
    antiCsrfToken,
    userData: row.userDataInJWT,
    useStaticKey,
  });
  return {
    status: 'OK',
    session: sessionJson(row, cloneJson(row.userDataInJWT)),
    accessToken: tokenJson(accessToken),
    refreshToken: tokenJson(child),
    ...(antiCsrfToken === null ? {} : { antiCsrfToken }),
  };
}
