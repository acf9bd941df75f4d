/**
 * A least-recently-used map with a fixed number of entries. Caches keyed by anything a client
 * can make the core create (signing keys, one set per app and per rotation) must not grow with
 * that input; an evicted entry is simply recomputed on its next use.
 */
export interface BoundedCache<K, V> {
  /** The cached value, or `create()`'s, which is then cached (evicting the least recently used). */
  get(key: K, create: () => V): V;
  readonly size: number;
  readonly limit: number;
}

export function createBoundedCache<K, V>(limit: number): BoundedCache<K, V> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`cache limit must be a positive integer, got ${limit}`);
  const entries = new Map<K, V>();
  return {
    get(key, create) {
      if (entries.has(key)) {
        const value = entries.get(key) as V;
        // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
        entries.delete(key);
        entries.set(key, value);
        return value;
      }
      const value = create();
      entries.set(key, value);
      if (entries.size > limit) entries.delete(entries.keys().next().value as K);
      return value;
    },
    get size() {
      return entries.size;
    },
    limit,
  };
}
