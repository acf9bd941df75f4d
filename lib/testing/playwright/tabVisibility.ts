import type { Page } from '@playwright/test';

/**
 * Headless Chromium never hides a tab (every tab reports `visible`), so a test says what a browser
 * would: `document.visibilityState` as a hidden or shown tab reports it, and the `visibilitychange`
 * event the browser sends. Everything behind it is real. The override lasts until the tab loads
 * another document.
 */
export async function setTabVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate(tabVisibilityScript(state, { announce: true }));
}

/**
 * The override as a script: for `context.addInitScript`, every document of a context reports
 * `state` from before its first script on (`announce: false`, nothing has listened yet); for a
 * page's `evaluate`, with the `visibilitychange` event a browser sends. A string: a TypeScript
 * loader's helpers (`__name`) do not exist in the page.
 */
export function tabVisibilityScript(state: 'hidden' | 'visible', { announce }: { announce: boolean }): string {
  return `(() => {
    const visibility = ${JSON.stringify(state)};
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => visibility === 'hidden' });
    ${announce ? "document.dispatchEvent(new Event('visibilitychange'));" : ''}
  })()`;
}
