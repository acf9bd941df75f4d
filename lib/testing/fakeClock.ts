/** A clock whose timers fire only when the test moves time forward. */
export interface FakeClock {
  now(): number;
  setTimer(callback: () => void, delayMs: number): () => void;
  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void;
  /** Moves time to the next pending timer and fires it; `false` when none is pending. */
  fireNext(): boolean;
  pendingTimers(): number;
}

export function createFakeClock(start = 0): FakeClock {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();

  const due = () => [...timers.entries()].sort(([a, x], [b, y]) => x.at - y.at || a - b)[0];

  const fire = (id: number) => {
    const timer = timers.get(id);
    if (!timer) return;
    timers.delete(id);
    now = Math.max(now, timer.at);
    timer.callback();
  };

  return {
    now: () => now,
    setTimer(callback, delayMs) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, delayMs), callback });
      return () => timers.delete(id);
    },
    advance(ms) {
      const until = now + ms;
      for (let next = due(); next && next[1].at <= until; next = due()) fire(next[0]);
      now = until;
    },
    fireNext() {
      const next = due();
      if (!next) return false;
      fire(next[0]);
      return true;
    },
    pendingTimers: () => timers.size,
  };
}
