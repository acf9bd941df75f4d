import type { BrowserContext, Page } from '@playwright/test';

/** One moment the session gate's loading shell (`[data-session-flow]`) entered the DOM. */
export interface LoadingShellSighting {
  path: string;
  /** `performance.now()` of that document. */
  at: number;
}

declare global {
  interface Window {
    __e2eLoadingShellSightings?: LoadingShellSighting[];
  }
}

/**
 * Records every time the loading shell is inserted, from the very first parsed node of each
 * document on: server-rendered markup and client renders alike. A locator check could miss a
 * shell that flashes for one frame; a MutationObserver started before parsing cannot.
 */
export async function installLoadingShellWatch(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const sightings: LoadingShellSighting[] = [];
    window.__e2eLoadingShellSightings = sightings;
    const selector = '[data-session-flow]';
    const inspect = (node: Node) => {
      if (!(node instanceof Element)) return;
      if (node.matches(selector) || node.querySelector(selector)) {
        sightings.push({ path: location.pathname, at: Math.round(performance.now()) });
      }
    };
    new MutationObserver((records) => {
      for (const record of records) record.addedNodes.forEach(inspect);
    }).observe(document, { childList: true, subtree: true });
  });
}

/** Sightings in the current document of `page` (each document starts with an empty list). */
export function loadingShellSightings(page: Page): Promise<LoadingShellSighting[]> {
  return page.evaluate(() => window.__e2eLoadingShellSightings ?? []);
}
