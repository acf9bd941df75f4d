import { expect, type Locator } from '@playwright/test';

/**
 * Clicks an element once React has hydrated it. A server-rendered button is on screen before its
 * handler is: a click in between does nothing, and on a busy machine that gap is seconds long.
 * React marks each hydrated DOM node with its props (`__reactProps$…`), which is what is awaited.
 */
export async function clickWhenHydrated(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactProps$'))), {
      message: 'waiting for React to hydrate the element',
    })
    .toBe(true);
  await locator.click();
}
