/**
 * Remembers access tokens whose signature the SDK already verified, until their own expiry.
 *
 * A browser sends the same access token with every page request for its whole lifetime, and an
 * RS256 verification is most of the SSR check's cost. Safe because: the key is the whole token
 * string (any change to header, payload or signature misses and is verified afresh); an entry
 * never outlives the token's `exp`; only verified tokens are stored; and the local check does not
 * detect revocation anyway (that is `checkDatabase`, which bypasses this cache). Bounded: the
 * least recently used entry goes first.
 */
export interface VerifiedTokenCache {
  get(token: string, nowMs?: number): Record<string, unknown> | undefined;
  remember(token: string, payload: Record<string, unknown>): void;
  readonly size: number;
}

export function createVerifiedTokenCache(maxEntries = 1_000): VerifiedTokenCache {
  const entries = new Map<string, { payload: Record<string, unknown>; expiresAtMs: number }>();
  return {
    get(token, nowMs = Date.now()) {
      const entry = entries.get(token);
      if (!entry) return undefined;
      entries.delete(token);
      if (nowMs >= entry.expiresAtMs) return undefined;
      entries.set(token, entry); // most recently used goes last
      return entry.payload;
    },
    remember(token, payload) {
      const exp = payload.exp;
      if (typeof exp !== 'number' || maxEntries <= 0) return;
      entries.delete(token);
      entries.set(token, { payload, expiresAtMs: exp * 1000 });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    get size() {
      return entries.size;
    },
  };
}
