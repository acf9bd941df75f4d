import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { sha256Hex } from './hash';

/**
 * Refresh tokens are sealed like the core's `<encrypted payload>.<nonce>.V2`: the payload is
 * AES-256-GCM encrypted with the app's refresh token key, so nothing but the session row has to
 * be stored and the token cannot be forged or read by its holder.
 */
export interface RefreshTokenPayload {
  sessionHandle: string;
  userId: string;
  parentRefreshTokenHash1: string | null;
  antiCsrfToken: string | null;
  tenantId: string;
}

const TOKEN_TYPE = 'V2';

export function newRefreshTokenKey(): string {
  return randomBytes(32).toString('base64');
}

export function sealRefreshToken(keyBase64: string, payload: RefreshTokenPayload): string {
  const nonce = sha256Hex(randomUUID());
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keyBase64, 'base64'), iv);
  const plain = JSON.stringify({ ...payload, nonce });
  const sealed = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${sealed.toString('base64url')}.${nonce}.${TOKEN_TYPE}`;
}

/** Returns null for anything that is not a token this app sealed. */
export function openRefreshToken(keyBase64: string, token: string): RefreshTokenPayload | null {
  const [sealedPart, nonce, type, ...rest] = token.split('.');
  if (!sealedPart || !nonce || type !== TOKEN_TYPE || rest.length > 0) return null;
  try {
    const sealed = Buffer.from(sealedPart, 'base64url');
    if (sealed.length < 12 + 16 + 1) return null;
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(keyBase64, 'base64'), sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    const plain = Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
    const payload = JSON.parse(plain.toString('utf8')) as Partial<RefreshTokenPayload> & { nonce?: unknown };
    if (typeof payload.sessionHandle !== 'string' || typeof payload.userId !== 'string') return null;
    if (payload.nonce !== nonce || typeof payload.tenantId !== 'string') return null;
    return {
      sessionHandle: payload.sessionHandle,
      userId: payload.userId,
      parentRefreshTokenHash1: payload.parentRefreshTokenHash1 ?? null,
      antiCsrfToken: payload.antiCsrfToken ?? null,
      tenantId: payload.tenantId,
    };
  } catch {
    return null;
  }
}
