import { SignJWT } from 'jose';
import type { JsonObject } from '../json';
import type { StoredSigningKey } from '../store/types';
import { ensureStaticKey, privateKeyOf, rotateSigningKeys } from '../tokens/signingKeys';
import type { AppContext } from './context';

export interface CreateJwtInput {
  algorithm: string;
  jwksDomain: string;
  payload: JsonObject;
  validitySeconds: number;
  useStaticSigningKey: boolean;
}

/**
 * `POST /recipe/jwt` (the core's JWTSigningFunctions): a JWT signed with the app's static key
 * (the default) or its newest dynamic key, so it verifies against `/.well-known/jwks.json`.
 * `iat`, `exp` (seconds) and `iss` (the jwksDomain) are set first and the caller's payload is
 * applied over them, as the core's JWT library does with a payload that names them.
 */
export async function createJwt(ctx: AppContext, input: CreateJwtInput): Promise<JsonObject> {
  if (input.algorithm.toUpperCase() !== 'RS256') return { status: 'UNSUPPORTED_ALGORITHM_ERROR' };
  const now = ctx.clock.now();
  const key = signingKeyFor(ctx, input.useStaticSigningKey, now);
  const claims = {
    iat: Math.floor(now / 1000),
    exp: Math.floor((now + input.validitySeconds * 1000) / 1000),
    iss: input.jwksDomain,
    ...input.payload,
  };
  const jwt = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid }).sign(privateKeyOf(key));
  return { status: 'OK', jwt };
}

/** Unlike session tokens, the core signs these with the newest dynamic key even during its overlap. */
function signingKeyFor(ctx: AppContext, useStaticKey: boolean, now: number): StoredSigningKey {
  if (useStaticKey) {
    if (ensureStaticKey(ctx.app, now)) ctx.changed();
    return ctx.app.staticKey as StoredSigningKey;
  }
  if (rotateSigningKeys(ctx.app, ctx.config, now)) ctx.changed();
  const [newest] = ctx.app.dynamicKeys;
  if (!newest) throw new Error('no dynamic signing key after rotation');
  return newest;
}
