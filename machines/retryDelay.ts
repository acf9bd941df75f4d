export interface RetryDelayOptions {
  /** Delay before the first retry. */
  initialMs: number;
  /** Upper bound: a long outage is retried at this pace, never slower. */
  maxMs: number;
}

/** Exponential backoff, capped: level 1 waits `initialMs`, each later level twice as long. */
export function retryDelayMs(backoffLevel: number, { initialMs, maxMs }: RetryDelayOptions): number {
  const exponent = Math.max(0, backoffLevel - 1);
  return Math.min(maxMs, initialMs * 2 ** Math.min(exponent, 31));
}

/**
 * The level after one more failure. It stops growing once the delay reaches the cap, so a long
 * outage does not grow the machine's context without bound (model-based traversal stays finite).
 */
export function nextBackoffLevel(backoffLevel: number, options: RetryDelayOptions): number {
  return retryDelayMs(backoffLevel, options) >= options.maxMs ? backoffLevel : backoffLevel + 1;
}
