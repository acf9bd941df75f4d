import type { BrowserContext } from '@playwright/test';
import { APP_ORIGIN } from '../e2eEnv';
import { setTabVisibility } from './visibility';

/** The server compares `exp` (seconds) with its clock: stay a little past it. */
const EXPIRY_MARGIN_MS = 250;

/** When the access token in the browser's cookie jar expires (ms since epoch). */
export async function accessTokenExpiresAt(context: BrowserContext, origin = APP_ORIGIN): Promise<number> {
  // The one SuperTokens set (path `/`), not a stray duplicate a spec planted elsewhere.
  const cookie = (await context.cookies(origin)).find((c) => c.name === 'sAccessToken' && c.path === '/');
  if (!cookie) throw new Error('No sAccessToken cookie: is the user signed in?');
  const payload = cookie.value.split('.')[1];
  const exp: unknown = payload ? JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).exp : undefined;
  if (typeof exp !== 'number') throw new Error('The access token has no numeric exp claim');
  return exp * 1000;
}

/**
 * Waits until the access token has expired, every tab of `context` hidden meanwhile: a visible tab
 * refreshes ahead of expiry, so under a user who is there the token never expires. This is the
 * user who left the tabs in the background (or closed the laptop) and comes back: the tabs stay
 * hidden, as the browser reports them, until they load another document or a spec shows them
 * (`setTabVisibility`). Time itself is the subject here: the token lives
 * ACCESS_TOKEN_LIFETIME_SECONDS, and nothing in the app signals its expiry.
 */
export async function waitForAccessTokenExpiry(context: BrowserContext, origin = APP_ORIGIN): Promise<void> {
  await Promise.all(context.pages().map((page) => setTabVisibility(page, 'hidden')));
  // Read after hiding, and again after waiting: a refresh ahead of expiry already under way when
  // the tabs were hidden renews the token once more.
  for (;;) {
    const remaining = (await accessTokenExpiresAt(context, origin)) + EXPIRY_MARGIN_MS - Date.now();
    if (remaining <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, remaining));
  }
}
