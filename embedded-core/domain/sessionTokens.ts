import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../json';
import type { AccessTokenClaims } from '../tokens/accessToken';
import { assertNoProtectedClaims, signAccessToken } from '../tokens/accessToken';
import { sealRefreshToken, type RefreshTokenPayload } from '../tokens/refreshToken';
import { currentDynamicKey, ensureStaticKey, rotateSigningKeys } from '../tokens/signingKeys';
import type { StoredSigningKey } from '../store/types';
import type { AppContext } from './context';

export interface TokenInfo {
  token: string;
  expiry: number;
  createdTime: number;
}

export interface SessionIdentity {
  handle: string;
  userId: string;
  recipeUserId: string;
  tenantId: string;
}

/** The identity an access token carries. */
export function identityOf(claims: AccessTokenClaims): SessionIdentity {
  return { handle: claims.sessionHandle, userId: claims.sub, recipeUserId: claims.rsub, tenantId: claims.tId };
}

export interface MintAccessTokenInput extends SessionIdentity {
  refreshTokenHash1: string;
  parentRefreshTokenHash1: string | null;
  antiCsrfToken: string | null;
  userData: JsonObject;
  useStaticKey: boolean;
  /** Keep this expiry (regenerate) instead of now + access token validity. */
  expiresAt?: number;
}

/** The core truncates both times of an access token to whole seconds. */
export async function mintAccessToken(ctx: AppContext, input: MintAccessTokenInput): Promise<TokenInfo> {
  assertNoProtectedClaims(input.userData);
  const now = ctx.clock.now();
  const key = signingKey(ctx, input.useStaticKey, now);
  const exp = Math.floor((input.expiresAt ?? now + ctx.config.accessTokenValidityMs) / 1000);
  const iat = Math.floor(now / 1000);
  const token = await signAccessToken(key, {
    sub: input.userId,
    rsub: input.recipeUserId,
    tId: input.tenantId,
    sessionHandle: input.handle,
    refreshTokenHash1: input.refreshTokenHash1,
    parentRefreshTokenHash1: input.parentRefreshTokenHash1,
    antiCsrfToken: input.antiCsrfToken,
    iat,
    exp,
    userData: input.userData,
  });
  return { token, expiry: exp * 1000, createdTime: iat * 1000 };
}

function signingKey(ctx: AppContext, useStaticKey: boolean, now: number): StoredSigningKey {
  if (useStaticKey) {
    if (ensureStaticKey(ctx.app, now)) ctx.changed();
    return ctx.app.staticKey as StoredSigningKey;
  }
  if (rotateSigningKeys(ctx.app, ctx.config, now)) ctx.changed();
  return currentDynamicKey(ctx.app, ctx.config, now);
}

export function mintRefreshToken(ctx: AppContext, payload: RefreshTokenPayload): TokenInfo {
  const now = ctx.clock.now();
  return {
    token: sealRefreshToken(ctx.app.refreshTokenKey, payload),
    expiry: now + ctx.config.refreshTokenValidityMs,
    createdTime: now,
  };
}

export function newAntiCsrfToken(enabled: boolean): string | null {
  return enabled ? randomUUID() : null;
}

/** The `session` object of create/verify/refresh/regenerate answers (the core serialises it with nulls). */
export function sessionJson(identity: SessionIdentity, userDataInJWT: JsonObject): JsonObject {
  return {
    handle: identity.handle,
    userId: identity.userId,
    recipeUserId: identity.recipeUserId,
    userDataInJWT,
    tenantId: identity.tenantId,
  };
}

export function tokenJson(token: TokenInfo): JsonObject {
  return { token: token.token, expiry: token.expiry, createdTime: token.createdTime };
}
