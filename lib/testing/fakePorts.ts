import type { RecoveryAttemptStore, SessionFlowPorts } from '../client/sessionFlowPorts';
import { createFakeClock, type FakeClock } from './fakeClock';

/** A call the runtime made and the test has not answered yet. */
interface Pending<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

export interface FakeSessionFlowWorld {
  ports: SessionFlowPorts;
  clock: FakeClock;
  /** The fake SuperTokens session: answer the refresh calls the runtime made. */
  session: {
    refreshCalls: number;
    pendingRefreshes(): number;
    answerRefresh(result: 'refreshed' | 'session-gone'): void;
    failRefresh(cause: 'network' | 'server'): void;
  };
  /** The fake Next router and `window.location`. */
  router: {
    url: URL;
    softReloads: number;
    documentReloads: number;
    redirects: string[];
    pendingSoftReloads(): number;
    answerSoftReload(completed: boolean): void;
  };
  recoveryAttempts: RecoveryAttemptStore & { stored(): number | null };
}

export function createFakeSessionFlowWorld({
  url = 'http://localhost:3000/',
  storedRecoveryAttempts = null,
}: { url?: string; storedRecoveryAttempts?: number | null } = {}): FakeSessionFlowWorld {
  const clock = createFakeClock(1_000_000);
  const refreshes: Pending<boolean>[] = [];
  const softReloads: Pending<boolean>[] = [];
  let stored = storedRecoveryAttempts;

  const take = <T>(queue: Pending<T>[], what: string): Pending<T> => {
    const next = queue.shift();
    if (!next) throw new Error(`No ${what} is pending: the runtime never asked for one.`);
    return next;
  };

  const world: FakeSessionFlowWorld = {
    clock,
    session: {
      refreshCalls: 0,
      pendingRefreshes: () => refreshes.length,
      answerRefresh: (result) => take(refreshes, 'refresh').resolve(result === 'refreshed'),
      // The shapes supertokens-web-js throws: a fetch TypeError, or the Response of a 5xx.
      failRefresh: (cause) =>
        take(refreshes, 'refresh').reject(cause === 'network' ? new TypeError('Failed to fetch') : { status: 502 }),
    },
    router: {
      url: new URL(url),
      softReloads: 0,
      documentReloads: 0,
      redirects: [],
      pendingSoftReloads: () => softReloads.length,
      answerSoftReload: (completed) => take(softReloads, 'soft reload').resolve(completed),
    },
    recoveryAttempts: {
      read: () => stored ?? 0,
      write: (attempts) => {
        stored = attempts;
      },
      clear: () => {
        stored = null;
      },
      stored: () => stored,
    },
    ports: {
      refreshSession: () => {
        world.session.refreshCalls += 1;
        return new Promise<boolean>((resolve, reject) => refreshes.push({ resolve, reject }));
      },
      reloadServerProps: () => {
        world.router.softReloads += 1;
        return new Promise<boolean>((resolve, reject) => softReloads.push({ resolve, reject }));
      },
      reloadDocument: () => {
        world.router.documentReloads += 1;
      },
      redirectToSignIn: (returnTo) => {
        world.router.redirects.push(returnTo);
      },
      currentUrl: () => new URL(world.router.url.href),
      setTimer: (callback, delayMs) => clock.setTimer(callback, delayMs),
      recoveryAttempts: {
        read: () => world.recoveryAttempts.read(),
        write: (attempts) => world.recoveryAttempts.write(attempts),
        clear: () => world.recoveryAttempts.clear(),
      },
    },
  };
  return world;
}
