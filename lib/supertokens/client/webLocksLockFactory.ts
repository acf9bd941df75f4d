/** The lock contract of supertokens-website's `lockFactory` option (browser-tabs-lock's shape). */
export interface RefreshLock {
  acquireLock(key: string, timeoutMs?: number): Promise<boolean>;
  releaseLock(key: string): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * A cross-tab lock on the Web Locks API, for SuperTokens' refresh. Its default lock
 * (browser-tabs-lock) polls localStorage with fixed 30 ms waits and costs 60–85 ms before every
 * refresh; `navigator.locks` grants an uncontended lock at once and still serialises tabs, so
 * two tabs never spend the same refresh token. Returns `undefined` where the API is missing
 * (old browsers, non-secure origins): the SDK then keeps its default lock.
 */
export function createWebLocksLockFactory(locks: LockManager | undefined = globalLockManager()) {
  if (!locks) return undefined;
  // A document's first lock request waits while the browser connects it to its lock manager
  // (2–4 ms measured, on the way to every first refresh); asking for the lock state now, when the
  // SDK is set up, pays that before anything waits for a lock.
  void locks.query().catch(() => undefined);
  return async (): Promise<RefreshLock> => {
    const held = new Map<string, () => void>();
    return {
      acquireLock(key, timeoutMs = DEFAULT_TIMEOUT_MS) {
        return new Promise<boolean>((resolve) => {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), timeoutMs);
          locks
            .request(key, { signal: controller.signal }, () => {
              clearTimeout(timer);
              // The lock is held until this promise settles, i.e. until releaseLock(key).
              return new Promise<void>((release) => {
                held.set(key, release);
                resolve(true);
              });
            })
            .catch(() => {
              clearTimeout(timer);
              resolve(false); // aborted by the timeout: the SDK handles "not acquired"
            });
        });
      },
      async releaseLock(key) {
        held.get(key)?.();
        held.delete(key);
      },
    };
  };
}

function globalLockManager(): LockManager | undefined {
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
}
