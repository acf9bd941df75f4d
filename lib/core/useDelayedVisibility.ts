import { useEffect, useRef, useState } from 'react';

export interface LoadingTimings {
  /** Recovery faster than this never shows the loading UI. */
  showDelayMs: number;
  /**
   * A loading UI taken away sooner than this after it appeared reads as a flash, so it stays until
   * then; one on screen at least this long goes the moment the page is ready (docs/decisions/020).
   */
  minVisibleMs: number;
}

export const DEFAULT_LOADING_TIMINGS: LoadingTimings = { showDelayMs: 200, minVisibleMs: 150 };

/**
 * `true` while a loading UI should be on screen for a `wanted` signal: it turns on `showDelayMs`
 * after `wanted` does, and turns off when `wanted` does, but never sooner than `minVisibleMs` after
 * it turned on. Starts `false` on the server and on the hydrating render, so both produce the same
 * markup.
 */
export function useDelayedVisibility(wanted: boolean, { showDelayMs, minVisibleMs }: LoadingTimings): boolean {
  const [visible, setVisible] = useState(false);
  const shownAt = useRef(0);

  useEffect(() => {
    if (wanted === visible) return undefined;
    // Every change goes through a timer (of 0 ms when nothing is left to wait for): state set
    // from an effect's body would render twice for one change.
    // `performance.now()`, not the wall clock, which the system may move while the UI shows.
    const delayMs = wanted ? showDelayMs : shownAt.current + minVisibleMs - performance.now();
    const timer = setTimeout(() => {
      if (wanted) shownAt.current = performance.now();
      setVisible(wanted);
    }, Math.max(0, delayMs));
    return () => clearTimeout(timer);
  }, [wanted, visible, showDelayMs, minVisibleMs]);

  return visible;
}
