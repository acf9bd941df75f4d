/**
 * Every timestamp the core uses comes from a Clock, so tests can move time (key rotation,
 * session expiry) without waiting. Milliseconds since the epoch, like Date.now().
 */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface FakeClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

/** A clock that only moves when told to. */
export function createFakeClock(startMs: number = Date.now()): FakeClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
    set(ms) {
      current = ms;
    },
  };
}
