import type { Page } from '@playwright/test';

/**
 * Headless Chromium never hides a tab (every tab reports `visible`), so a test says what a browser
 * would: `document.visibilityState` as a hidden or shown tab reports it, and the `visibilitychange`
 * event the browser sends. Everything behind it is real. The override lasts until the tab loads
 * another document.
 */
export async function setTabVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  // A string: a TypeScript loader's helpers (`__name`) do not exist in the page.
  await page.evaluate(`(() => {
    const visibility = ${JSON.stringify(state)};
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => visibility === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  })()`);
}
