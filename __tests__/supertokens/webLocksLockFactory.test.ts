import { createWebLocksLockFactory } from '../../lib/supertokens/client/webLocksLockFactory';

describe('Web Locks lock factory for the SuperTokens refresh', () => {
  it('is undefined where the Web Locks API is missing, so the SDK keeps its own lock', () => {
    expect(createWebLocksLockFactory(undefined)).toBeUndefined();
  });

  it('grants a free lock at once', async () => {
    const factory = createWebLocksLockFactory(createFakeLockManager())!;
    const lock = await factory();
    await expect(lock.acquireLock('REFRESH_TOKEN_USE', 1_000)).resolves.toBe(true);
  });

  it('makes a second holder (another tab) wait until the first releases', async () => {
    const factory = createWebLocksLockFactory(createFakeLockManager())!;
    const [tabA, tabB] = await Promise.all([factory(), factory()]);
    await tabA.acquireLock('REFRESH_TOKEN_USE', 1_000);
    let bAcquired = false;
    const b = tabB.acquireLock('REFRESH_TOKEN_USE', 1_000).then((acquired) => (bAcquired = acquired));
    await flush();
    expect(bAcquired).toBe(false);
    await tabA.releaseLock('REFRESH_TOKEN_USE');
    await b;
    expect(bAcquired).toBe(true);
  });

  it('gives up with false after the timeout, as browser-tabs-lock does', async () => {
    jest.useFakeTimers();
    try {
      const factory = createWebLocksLockFactory(createFakeLockManager())!;
      const [tabA, tabB] = await Promise.all([factory(), factory()]);
      await tabA.acquireLock('k', 1_000);
      const b = tabB.acquireLock('k', 1_000);
      jest.advanceTimersByTime(1_000);
      await expect(b).resolves.toBe(false);
      await tabA.releaseLock('k');
    } finally {
      jest.useRealTimers();
    }
  });

  it('connects to the lock manager when it is made, not when the first refresh waits for a lock', () => {
    const locks = createFakeLockManager();
    const query = jest.spyOn(locks, 'query');
    createWebLocksLockFactory(locks);
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('treats releasing a lock it does not hold as a no-op', async () => {
    const lock = await createWebLocksLockFactory(createFakeLockManager())!();
    await expect(lock.releaseLock('never-taken')).resolves.toBeUndefined();
  });
});

/** The Web Locks semantics the factory relies on: exclusive, FIFO, abortable while waiting. */
function createFakeLockManager(): LockManager {
  const queues = new Map<string, Array<() => void>>();
  const held = new Set<string>();
  const grantNext = (name: string) => {
    const next = queues.get(name)?.shift();
    if (next) next();
  };
  const request = (name: string, options: LockOptions, callback: LockGrantedCallback<unknown>) =>
    new Promise((resolve, reject) => {
      const grant = () => {
        held.add(name);
        Promise.resolve(callback({ name, mode: 'exclusive' } as Lock)).then((value) => {
          held.delete(name);
          grantNext(name);
          resolve(value);
        }, reject);
      };
      if (!held.has(name)) return grant();
      const queue = queues.get(name) ?? [];
      queues.set(name, queue);
      queue.push(grant);
      options.signal?.addEventListener('abort', () => {
        queue.splice(queue.indexOf(grant), 1);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  return { request, query: async () => ({ held: [], pending: [] }) } as unknown as LockManager;
}

async function flush() {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}
