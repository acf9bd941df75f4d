import { useEffect, useRef, useState } from 'react';

export interface LoadingTimings {
  /** Recovery faster than this never shows the loading UI. */
  showDelayMs: number;
  /** Once shown, the loading UI stays at least this long, so it never flickers. */
  minVisibleMs: number;
}

export const DEFAULT_LOADING_TIMINGS: LoadingTimings = { showDelayMs: 200, minVisibleMs: 500 };

/**
 * `true` while a loading UI should be on screen for a `wanted` signal: it turns on `showDelayMs`
 * after `wanted` does, and turns off no earlier than `minVisibleMs` after it turned on. Starts
 * `false` on the server and on the hydrating render, so both produce the same markup.
 */
export function useDelayedVisibility(wanted: boolean, { showDelayMs, minVisibleMs }: LoadingTimings): boolean {
  const [visible, setVisible] = useState(false);
  const shownAt = useRef(0);

  useEffect(() => {
    if (wanted && !visible) {
      if (showDelayMs <= 0) {
        shownAt.current = Date.now();
        setVisible(true);
        return undefined;
      }
      const timer = setTimeout(() => {
        shownAt.current = Date.now();
        setVisible(true);
      }, showDelayMs);
      return () => clearTimeout(timer);
    }
    if (!wanted && visible) {
      const remaining = shownAt.current + minVisibleMs - Date.now();
      if (remaining <= 0) {
        setVisible(false);
        return undefined;
      }
      const timer = setTimeout(() => setVisible(false), remaining);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [wanted, visible, showDelayMs, minVisibleMs]);

  return visible;
}
