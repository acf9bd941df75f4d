import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * The page's clock, held from before the page loads: its timers fire only when the spec moves it.
 * On a busy machine the flow's retries otherwise go on while a spec looks at one moment of them.
 * With it held, axe and screenshots never end (they wait on the page's timers): `page.clock.resume()` first.
 */
export async function holdClock(page: Page): Promise<void> {
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1_000);
}

/**
 * Moves the held clock `stepMs` at a time until `read` gives `expected`; a timer may therefore
 * start up to one step after what set it.
 */
export async function moveClockUntil<T>(page: Page, read: () => Promise<T>, expected: T, stepMs: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const value = await read();
        if (value !== expected) await page.clock.runFor(stepMs);
        return value;
      },
      { intervals: [50], timeout: 30_000 },
    )
    .toBe(expected);
}
