import { signUpAndLetAccessTokenExpire } from '../support/expiredSession';
import { expect, test } from '../support/fixtures';
import { statesSince } from '../support/sessionTrace';
import { APP_ORIGIN } from '../e2eEnv';

/** Long enough for several 30 s-capped retries to have started, had the flow kept retrying. */
const WATCH_MS = 3_000;

/**
 * A second `sAccessToken` on a path the refresh call carries (left by an old deployment) makes
 * supertokens-node refuse the refresh with a 500. That is not an outage: retrying for ever behind
 * "the sign-in service is not answering" helps no one. The flow stops in `stuck` and says why.
 */
test('duplicate session cookies end in stuck with a reason that names them, within three refresh calls', async ({
  page,
  context,
  requests,
}) => {
  const { traceMark: mark } = await signUpAndLetAccessTokenExpire(page, context, requests);
  await context.addCookies([{ name: 'sAccessToken', value: 'left-by-an-older-deployment', domain: new URL(APP_ORIGIN).hostname, path: '/api' }]);
  const requestMark = requests.mark();

  await page.goto('/account', { waitUntil: 'load' });

  const gate = page.locator('[data-session-flow="loading"]');
  await expect(gate).toHaveAttribute('data-session-flow-state', 'stuck');
  await expect(page.getByRole('status')).toContainText('two conflicting session cookies');
  await expect(page.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await page.waitForTimeout(WATCH_MS);
  const refreshes = requests.ofKindSince('refresh', requestMark);
  expect(refreshes.length).toBeLessThanOrEqual(3);
  expect(refreshes.every((r) => r.status === 500)).toBe(true);
  expect(await statesSince(page, mark)).toEqual(['refreshing', 'stuck']);
  await expect(page).toHaveURL((url) => url.pathname === '/account');
});
