import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { exportJWK } from 'jose';
import { createBoundedCache, type BoundedCache } from '../boundedCache';
import type { EffectiveConfig } from '../config';
import type { JsonObject } from '../json';
import type { StoredApp, StoredSigningKey } from '../store/types';

/**
 * Access-token signing keys, following the core's SigningKeys/AccessTokenSigningKey rules:
 * a new dynamic key is minted once the newest is older than `interval − overlap`; a freshly
 * minted key is listed in the JWKS `overlap` before it signs anything, so verifiers can learn
 * it first; a key stays listed for `interval + 2 × access token validity` after creation.
 */
export function overlapMs(config: EffectiveConfig): number {
  const interval = config.signingKeyUpdateIntervalMs;
  // The core uses 60 s, or interval/5 for the sub-minute intervals of its test mode.
  return interval < 60_000 ? Math.floor(interval / 5) : 60_000;
}

function verificationLifetimeMs(config: EffectiveConfig): number {
  return config.signingKeyUpdateIntervalMs + 2 * config.accessTokenValidityMs;
}

/** Drops keys nobody can verify with any more and mints a key when none may sign. Returns true if the app changed. */
export function rotateSigningKeys(app: StoredApp, config: EffectiveConfig, now: number): boolean {
  const stillVerifiable = app.dynamicKeys.filter((key) => key.createdAt >= now - verificationLifetimeMs(config));
  const canSignAfter = now - config.signingKeyUpdateIntervalMs + overlapMs(config);
  const needsNewKey = !stillVerifiable.some((key) => key.createdAt >= canSignAfter);
  const changed = needsNewKey || stillVerifiable.length !== app.dynamicKeys.length;
  if (needsNewKey) stillVerifiable.unshift(generateSigningKey(`d-${now}`, now));
  stillVerifiable.sort((a, b) => b.createdAt - a.createdAt);
  app.dynamicKeys = stillVerifiable;
  return changed;
}

/** The dynamic key that signs now (call rotateSigningKeys first). */
export function currentDynamicKey(app: StoredApp, config: EffectiveConfig, now: number): StoredSigningKey {
  const [latest, previous] = app.dynamicKeys;
  if (!latest) throw new Error('no dynamic signing key; rotateSigningKeys must run first');
  const latestIsTooNew = latest.createdAt + overlapMs(config) > now;
  if (previous && latestIsTooNew && now < previous.createdAt + config.signingKeyUpdateIntervalMs) return previous;
  return latest;
}

/** The static key is created on first use, as in the core, and never rotates. Returns true if created. */
export function ensureStaticKey(app: StoredApp, now: number): boolean {
  if (app.staticKey) return false;
  app.staticKey = generateSigningKey(`s-${randomUUID()}`, now);
  return true;
}

export function findVerificationKey(app: StoredApp, kid: string): StoredSigningKey | undefined {
  if (app.staticKey?.kid === kid) return app.staticKey;
  return app.dynamicKeys.find((key) => key.kid === kid);
}

export function generateSigningKey(kid: string, createdAt: number): StoredSigningKey {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { kid, createdAt, privateKeyPem: privateKey };
}

/** Dynamic keys newest first, then the static key, as the core lists them. */
export async function buildJwks(app: StoredApp): Promise<JsonObject[]> {
  const keys = app.staticKey ? [...app.dynamicKeys, app.staticKey] : app.dynamicKeys;
  return Promise.all(
    keys.map(async (key) => {
      const { n, e } = await exportJWK(publicKeyOf(key));
      return { kty: 'RSA', kid: key.kid, n: n ?? '', e: e ?? '', alg: 'RS256', use: 'sig' };
    }),
  );
}

/** `max-age` of the JWKS answer: until the next key appears, at least 1 s. */
export function jwksCacheSeconds(app: StoredApp, config: EffectiveConfig, now: number): number {
  const latest = app.dynamicKeys[0];
  if (!latest) return 1;
  const left = latest.createdAt + config.signingKeyUpdateIntervalMs - overlapMs(config) - now;
  return Math.max(Math.floor(left / 1000), 1);
}

interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/**
 * Parsed keys, so signing and verifying do not parse a PEM each time. Every app and every
 * rotation adds keys, so the cache is bounded; 64 covers the live keys of dozens of apps.
 */
export const signingKeyObjects: BoundedCache<string, KeyPair> = createBoundedCache(64);

function keyObjectsOf(key: StoredSigningKey): KeyPair {
  return signingKeyObjects.get(key.privateKeyPem, () => {
    const privateKey = createPrivateKey(key.privateKeyPem);
    return { privateKey, publicKey: createPublicKey(privateKey) };
  });
}

export function privateKeyOf(key: StoredSigningKey): KeyObject {
  return keyObjectsOf(key).privateKey;
}

export function publicKeyOf(key: StoredSigningKey): KeyObject {
  return keyObjectsOf(key).publicKey;
}
