import type { BrowserContext, Page } from '@playwright/test';
import { ACCESS_TOKEN_COOKIE } from './appPaths';
import { setTabVisibility } from './tabVisibility';

/** The server compares `exp` (seconds) with its clock: stay a little past it. */
const EXPIRY_MARGIN_MS = 250;
/**
 * Longer than any test should sit waiting, and shorter than Playwright's own 30 s test timeout, so
 * that a core with hour-long tokens is a setup mistake said as such, not a bare timeout.
 */
const DEFAULT_MAX_WAIT_MS = 20_000;

export interface AccessTokenExpiryOptions {
  /** Refuse to wait longer than this in all for the token to expire (default 20 s): start the core with a short `accessTokenValidity`. */
  maxWaitMs?: number;
}

/** When the access token in the browser's cookie jar for `origin` expires (ms since epoch). */
export async function accessTokenExpiresAt(context: BrowserContext, origin: string): Promise<number> {
  // The one SuperTokens set (path `/`), not a stray duplicate a test planted elsewhere.
  const cookie = (await context.cookies(origin)).find((c) => c.name === ACCESS_TOKEN_COOKIE && c.path === '/');
  if (!cookie) throw new Error(`No ${ACCESS_TOKEN_COOKIE} cookie for ${origin}: is the user signed in?`);
  const payload = cookie.value.split('.')[1];
  const exp: unknown = payload ? JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).exp : undefined;
  if (typeof exp !== 'number') throw new Error('The access token has no numeric exp claim');
  return exp * 1000;
}

/**
 * Waits until the access token has really expired, every tab of `context` hidden meanwhile: a
 * visible tab refreshes ahead of expiry, so under a user who is there the token never expires.
 * This is the user who left the tabs in the background (or closed the laptop) and comes back: the
 * tabs stay hidden until they load another document or a test shows them (`setTabVisibility`).
 * No clock is moved: the core's short `accessTokenValidity` is what makes this quick.
 */
export async function waitForAccessTokenExpiry(context: BrowserContext, origin: string, options: AccessTokenExpiryOptions = {}): Promise<void> {
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const deadline = Date.now() + maxWaitMs;
  await Promise.all(context.pages().map((page) => setTabVisibility(page, 'hidden')));
  // Read after hiding, and again after waiting: a refresh ahead of expiry already under way when
  // the tabs were hidden renews the token once more. The deadline is for the whole wait: something
  // that keeps renewing the token (a tab the test showed again) must not keep the test here.
  for (let renewals = 0; ; renewals += 1) {
    const expiresAt = (await accessTokenExpiresAt(context, origin)) + EXPIRY_MARGIN_MS;
    if (expiresAt <= Date.now()) return;
    if (expiresAt > deadline) {
      throw new Error(
        renewals === 0
          ? `The access token expires in ${Math.ceil((expiresAt - Date.now()) / 1000)} s, longer than maxWaitMs (${maxWaitMs} ms) allows: ` +
              'start the core with a short access token validity (sessionCoreWebServer({ accessTokenValidity: 3 }), ' +
              '`--access-token-validity 3`, or startCore({ accessTokenValidity: 3 })).'
          : `The access token was renewed ${renewals} times while waiting for it to expire, past maxWaitMs (${maxWaitMs} ms): ` +
              'is a tab still shown (setTabVisibility), or does the app refresh it on a timer of its own?',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, expiresAt - Date.now()));
  }
}

/**
 * The access token of `page`'s app expires, for real: see `waitForAccessTokenExpiry`. Then
 * reload, navigate or click, and check the page recovers (`expectRecoveredWithoutDocumentLoad`).
 */
export async function expireAccessToken(page: Page, options: AccessTokenExpiryOptions = {}): Promise<void> {
  await waitForAccessTokenExpiry(page.context(), appOriginOf(page), options);
}

/** The origin of the app page `page` shows. */
export function appOriginOf(page: Page): string {
  const url = new URL(page.url());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`The page shows ${page.url()}, not a page of the app: open one first (page.goto('/')).`);
  }
  return url.origin;
}
