/** The readable cookie in which SuperTokens keeps what the browser may know of its access token. */
export const FRONT_TOKEN_COOKIE = 'sFrontToken';

/**
 * When the access token expires (ms since epoch), read from the front token in a `document.cookie`
 * string: base64 of `{"uid","ate","up"}`, `ate` being the expiry. The last cookie of that name
 * wins, as in supertokens-website. `null` when there is none or it cannot be read: no session
 * this code can see, so nothing to revalidate.
 */
export function accessTokenExpiryFromCookies(cookies: string): number | null {
  return readFrontToken(cookies)?.expiresAt ?? null;
}

/**
 * What the front token tells of the access token (ms since epoch): `ate`, its expiry, and the
 * payload's `iat` (seconds) that `up` carries, its issue time, when it is there; `null` without a
 * readable front token.
 */
export function readFrontToken(cookies: string): { expiresAt: number; issuedAt?: number } | null {
  const raw = frontTokenFromCookies(cookies);
  if (!raw) return null;
  try {
    const { ate, up } = JSON.parse(new TextDecoder().decode(base64ToBytes(decodeURIComponent(raw)))) as { ate?: unknown; up?: { iat?: unknown } };
    const iat = up?.iat;
    return isFiniteNumber(ate) ? { expiresAt: ate, issuedAt: isFiniteNumber(iat) ? iat * 1_000 : undefined } : null;
  } catch {
    return null;
  }
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The front token's raw value (the last cookie of that name, as the SDK reads it), `null` without one. */
export function frontTokenFromCookies(cookies: string): string | null {
  const parts = `; ${cookies}`.split(`; ${FRONT_TOKEN_COOKIE}=`);
  if (parts.length < 2) return null;
  return parts.at(-1)?.split(';')[0] || null;
}
