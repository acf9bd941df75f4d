import { expect, type BrowserContext, type Page } from '@playwright/test';
import { ACCESS_TOKEN_COOKIE } from './appPaths';
import { clickWhenHydrated } from './hydration';

export interface SignOutInAnotherTabOptions {
  /** The app page the other tab opens. Default `/`. */
  path?: string;
  /** How the user signs out there. Default: a click on the button named "Sign out" (any case), once React has hydrated it. */
  signOut?: (tab: Page) => Promise<void>;
}

/**
 * The user signs out in a second tab of the same browser (`context`): it opens `path` on the
 * origin of the context's first page (or its baseURL), signs out the way the app offers, and
 * waits until the session's access token is gone from the shared cookie jar. Every other tab is
 * left to find out by itself, which is what the test is about. Resolves to the other tab, left
 * open where the sign-out took it (closing a tab in the middle of that navigation can stall
 * Chromium until the context closes).
 */
export async function signOutInAnotherTab(context: BrowserContext, options: SignOutInAnotherTabOptions = {}): Promise<Page> {
  const origin = originOfContext(context);
  const tab = await context.newPage();
  await tab.goto(new URL(options.path ?? '/', origin).href, { waitUntil: 'load' });
  await (options.signOut ?? clickSignOut)(tab);
  await expect
    .poll(async () => (await context.cookies(origin)).some((cookie) => cookie.name === ACCESS_TOKEN_COOKIE && cookie.value !== ''), {
      message: 'the sign-out in the other tab clears the session cookies',
    })
    .toBe(false);
  return tab;
}

async function clickSignOut(tab: Page): Promise<void> {
  await clickWhenHydrated(tab.getByRole('button', { name: /sign out/i }));
}

function originOfContext(context: BrowserContext): string {
  for (const page of context.pages()) {
    const url = new URL(page.url());
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  }
  throw new Error('signOutInAnotherTab: no tab of the context shows a page of the app yet: open one first (page.goto(…)).');
}
