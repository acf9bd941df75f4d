/** When the SDK's own record of a refresh is written (see `refreshSession`). */
export interface RefreshBookkeeping {
  /** Takes the record of a refresh that just answered; it runs in the next task at the latest… */
  later(record: () => Promise<void>): void;
  /** …unless a soft reload starts first: then once that reload settled, the page on screen. */
  holdWhile<T>(work: Promise<T>): Promise<T>;
  /**
   * Writes a record still waiting, now, and waits for it: the next refresh of this tab must read
   * the state its previous refresh left, or it takes that refresh for another tab's.
   */
  flush(): Promise<void>;
}

/** A reload that never settles (the document went away) must not keep the lock for long. */
const MAX_HOLD_MS = 1_000;

/**
 * Writing what the SDK keeps of a refresh (cookies, each write and read a round trip to the
 * browser process: about 5 ms on the main thread) while the server props are on their way makes
 * their answer wait for it when it comes back first. A soft reload follows a refresh within the
 * same task, so it is known in time; a refresh without one (a woken tab) is recorded at once.
 * The refresh lock is held until the record is written, so other tabs never see a half-written one.
 */
export function createRefreshBookkeeping(setTimer: (callback: () => void, delayMs: number) => () => void): RefreshBookkeeping {
  let pending: (() => Promise<void>) | null = null;
  let writing: Promise<void> = Promise.resolve();
  let cancelTimer: () => void = () => {};
  const run = (): Promise<void> => {
    const record = pending;
    pending = null;
    cancelTimer();
    if (record) writing = record();
    return writing;
  };
  return {
    later(record) {
      pending = record;
      cancelTimer = setTimer(() => void run(), 0);
    },
    holdWhile(work) {
      if (pending) {
        cancelTimer();
        cancelTimer = setTimer(() => void run(), MAX_HOLD_MS);
        work.then(run, run);
      }
      return work;
    },
    flush: run,
  };
}
