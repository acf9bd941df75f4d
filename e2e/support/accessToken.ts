import type { BrowserContext } from '@playwright/test';
import { accessTokenExpiresAt as expiresAt, waitForAccessTokenExpiry as waitForExpiry } from 'ssr-session-flow/testing/playwright';
import { APP_ORIGIN } from '../e2eEnv';

/** When the access token in the browser's cookie jar expires (ms since epoch); the spec's own app by default. */
export function accessTokenExpiresAt(context: BrowserContext, origin = APP_ORIGIN): Promise<number> {
  return expiresAt(context, origin);
}

/**
 * Waits until the access token has expired, every tab hidden meanwhile (the kit's
 * `waitForAccessTokenExpiry`, which any app's tests use): time itself is the subject here, the
 * token lives ACCESS_TOKEN_LIFETIME_SECONDS and nothing in the app signals its expiry.
 */
export function waitForAccessTokenExpiry(context: BrowserContext, origin = APP_ORIGIN): Promise<void> {
  return waitForExpiry(context, origin);
}
