/**
 * Remembers access tokens whose signature the SDK already verified, until their own expiry.
 *
 * A browser sends the same access token with every page request for its whole lifetime, and an
 * RS256 verification is most of the SSR check's cost. Safe because: the key is the whole token
 * string (any change to header, payload or signature misses and is verified afresh); an entry
 * never outlives the token's `exp`; only verified tokens are stored; and the local check does not
 * detect revocation anyway (that is `checkDatabase`, which bypasses this cache). Bounded: the
 * least recently used entry goes first. Each hit is a fresh copy of the payload, so a page that
 * changes the object it was handed cannot change what the next render reads.
 */
export interface VerifiedTokenCache {
  get(token: string, nowMs?: number): Record<string, unknown> | undefined;
  remember(token: string, payload: Record<string, unknown>): void;
  readonly size: number;
}

interface Entry {
  /** The payload as JSON: verified tokens carry JSON, and parsing is the cheapest deep copy. */
  payloadJson: string;
  expiresAtMs: number;
}

/** How many verified tokens the SSR check remembers (the benchmark's cache-miss run needs more). */
export const VERIFIED_TOKEN_CACHE_SIZE = 1_000;

export function createVerifiedTokenCache(maxEntries = VERIFIED_TOKEN_CACHE_SIZE): VerifiedTokenCache {
  const entries = new Map<string, Entry>();
  return {
    get(token, nowMs = Date.now()) {
      const entry = entries.get(token);
      if (!entry) return undefined;
      entries.delete(token);
      if (nowMs >= entry.expiresAtMs) return undefined;
      entries.set(token, entry); // most recently used goes last
      return JSON.parse(entry.payloadJson) as Record<string, unknown>;
    },
    remember(token, payload) {
      const exp = payload.exp;
      if (typeof exp !== 'number' || maxEntries <= 0) return;
      entries.delete(token);
      entries.set(token, { payloadJson: JSON.stringify(payload), expiresAtMs: exp * 1000 });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    get size() {
      return entries.size;
    },
  };
}
