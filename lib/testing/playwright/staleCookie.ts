import type { Page } from '@playwright/test';
import { ACCESS_TOKEN_COOKIE } from './appPaths';
import { appOriginOf } from './accessTokenExpiry';

export interface StaleDuplicateCookieOptions {
  /** Where the duplicate sits: a path narrower than `/`, as an old deployment or another app on the host leaves one (e.g. `/api`, `/account`). */
  path: string;
  /**
   * Its value. Default: the access token the browser holds now, which goes stale when the session
   * refreshes; pass any string for a token this core never signed.
   */
  value?: string;
}

/**
 * Adds a second `sAccessToken` cookie beside SuperTokens' own (path `/`) for the app `page`
 * shows, on a narrower path: the browser then sends both, the duplicate first, to every URL under
 * that path. A session flow must recover from it rather than strand the user.
 */
export async function addStaleDuplicateCookie(page: Page, options: StaleDuplicateCookieOptions): Promise<void> {
  if (!options.path.startsWith('/') || options.path === '/') {
    throw new TypeError(`addStaleDuplicateCookie: path must be narrower than '/' (e.g. '/api'), got '${options.path}'.`);
  }
  const origin = appOriginOf(page);
  const context = page.context();
  const value = options.value ?? (await context.cookies(origin)).find((c) => c.name === ACCESS_TOKEN_COOKIE && c.path === '/')?.value;
  if (!value) throw new Error(`addStaleDuplicateCookie: no ${ACCESS_TOKEN_COOKIE} to copy for ${origin}: is the user signed in? (or pass value)`);
  await context.addCookies([{ name: ACCESS_TOKEN_COOKIE, value, domain: new URL(origin).hostname, path: options.path, httpOnly: true, sameSite: 'Lax' }]);
}
