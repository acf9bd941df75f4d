import { compactVerify, SignJWT } from 'jose';
import { CoreHttpError } from '../errors';
import { isJsonObject, jsonObjectFrom, type JsonObject } from '../json';
import type { StoredSigningKey } from '../store/types';
import { privateKeyOf, publicKeyOf } from './signingKeys';

/** The v5 claims the core owns; a user payload may not contain any of them. */
export const PROTECTED_CLAIMS = [
  'sub',
  'exp',
  'iat',
  'sessionHandle',
  'refreshTokenHash1',
  'parentRefreshTokenHash1',
  'antiCsrfToken',
  'tId',
  'rsub',
] as const;

export interface AccessTokenClaims {
  sub: string;
  rsub: string;
  tId: string;
  sessionHandle: string;
  refreshTokenHash1: string;
  parentRefreshTokenHash1: string | null;
  antiCsrfToken: string | null;
  /** Seconds. */
  iat: number;
  /** Seconds. */
  exp: number;
  /** Custom claims: everything but the protected ones. */
  userData: JsonObject;
}

export function assertNoProtectedClaims(userData: JsonObject): void {
  if (PROTECTED_CLAIMS.some((claim) => Object.hasOwn(userData, claim))) {
    throw new CoreHttpError(400, 'The user payload contains protected field');
  }
}

/** Header exactly as the core writes it: {"kid","typ":"JWT","version":"5","alg":"RS256"}. */
export async function signAccessToken(key: StoredSigningKey, claims: AccessTokenClaims): Promise<string> {
  const { userData, ...own } = claims;
  return new SignJWT({ ...own, ...userData })
    .setProtectedHeader({ kid: key.kid, typ: 'JWT', version: '5', alg: 'RS256' })
    .sign(privateKeyOf(key));
}

/** Why a token was refused; `malformed` is not even a JWT, `structure` lacks v5 claims. */
export class AccessTokenError extends Error {
  constructor(
    readonly reason: 'malformed' | 'structure' | 'key' | 'signature',
    message: string,
  ) {
    super(message);
    this.name = 'AccessTokenError';
  }
}

interface DecodedParts {
  header: JsonObject;
  payload: JsonObject;
}

function decodeParts(token: string): DecodedParts {
  const parts = token.split('.');
  if (parts.length !== 3) throw new AccessTokenError('malformed', 'Invalid JWT');
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8'));
    const payload: unknown = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'));
    if (isJsonObject(header) && isJsonObject(payload)) return { header, payload };
  } catch {
    // falls through to the same error
  }
  throw new AccessTokenError('malformed', 'Invalid JWT');
}

/**
 * A header without `version` is read as the latest format, as the core does (a JWT from
 * `createJWT` has none: it then fails on its claims, not its header). Divergence: only v5 tokens
 * (CDI >= 4.0) are understood; the legacy v1–v4 formats that older SDKs used are refused like a
 * token with a wrong header.
 */
function checkHeader(header: JsonObject): string {
  if (header.typ !== 'JWT') throw new AccessTokenError('malformed', 'JWT header mismatch - typ');
  if (header.alg !== 'RS256') throw new AccessTokenError('malformed', 'JWT header mismatch - alg');
  if (header.version !== undefined && header.version !== '5') throw new AccessTokenError('malformed', 'JWT header mismatch - version');
  if (typeof header.kid !== 'string') throw new AccessTokenError('malformed', 'JWT header missing - kid');
  return header.kid;
}

function claimsFrom(payload: JsonObject): AccessTokenClaims {
  for (const claim of PROTECTED_CLAIMS) {
    if (!Object.hasOwn(payload, claim)) {
      throw new AccessTokenError(
        'structure',
        `Access token does not contain all the information. Maybe the structure has changed? ${claim}`,
      );
    }
  }
  const { sub, rsub, tId, sessionHandle, refreshTokenHash1, parentRefreshTokenHash1, antiCsrfToken, iat, exp } =
    payload;
  const strings = [sub, rsub, tId, sessionHandle, refreshTokenHash1];
  const nullableStrings = [parentRefreshTokenHash1, antiCsrfToken];
  if (
    !strings.every((value) => typeof value === 'string') ||
    !nullableStrings.every((value) => value === null || typeof value === 'string') ||
    typeof iat !== 'number' ||
    typeof exp !== 'number'
  ) {
    throw new AccessTokenError('structure', 'Access token claims have unexpected types');
  }
  const userData = jsonObjectFrom(
    Object.entries(payload).filter(([key]) => !(PROTECTED_CLAIMS as readonly string[]).includes(key)),
  );
  return {
    sub: sub as string,
    rsub: rsub as string,
    tId: tId as string,
    sessionHandle: sessionHandle as string,
    refreshTokenHash1: refreshTokenHash1 as string,
    parentRefreshTokenHash1: parentRefreshTokenHash1 as string | null,
    antiCsrfToken: antiCsrfToken as string | null,
    iat,
    exp,
    userData,
  };
}

/** Reads the claims without checking the signature (the core's regenerate does this). */
export function decodeAccessToken(token: string): AccessTokenClaims {
  return claimsFrom(decodeParts(token).payload);
}

/** Checks header, key and signature; expiry is the caller's business (it owns the clock). */
export async function verifyAccessToken(
  token: string,
  findKey: (kid: string) => StoredSigningKey | undefined,
): Promise<AccessTokenClaims> {
  const { header } = decodeParts(token);
  const key = findKey(checkHeader(header));
  if (!key) throw new AccessTokenError('key', 'Key not found');
  let payloadBytes: Uint8Array;
  try {
    ({ payload: payloadBytes } = await compactVerify(token, publicKeyOf(key), { algorithms: ['RS256'] }));
  } catch {
    throw new AccessTokenError('signature', 'JWT verification failed');
  }
  const payload: unknown = JSON.parse(Buffer.from(payloadBytes).toString('utf8'));
  if (!isJsonObject(payload)) throw new AccessTokenError('malformed', 'Invalid JWT');
  return claimsFrom(payload);
}
