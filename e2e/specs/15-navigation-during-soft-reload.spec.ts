import { waitForAccessTokenExpiry } from '../support/accessToken';
import { signUpThroughUI } from '../support/auth';
import { expect, test } from '../support/fixtures';
import { entriesSince, traceMark } from '../support/sessionTrace';

/**
 * Holds the data requests: the soft reload's long enough for the user to navigate meanwhile, the
 * navigation's longer still, so the cancelled reload answers first (with `false`) while the
 * navigation that won has not brought its verdict yet. Both together stay well inside the
 * refreshed token's life (ACCESS_TOKEN_LIFETIME_SECONDS): held past it, the navigation's request
 * would reach the server with an expired token and rightly start another recovery.
 */
const SOFT_RELOAD_DATA_MS = 400;
const NAVIGATION_DATA_MS = 1_200;

/**
 * Next resolves a route change with `false` when a newer navigation cancels it. That is no failure:
 * the flow waits for the verdict of the navigation that won, and never reloads the document.
 */
test('going back during the soft reload: the newer navigation wins, no document reload', async ({ page, context, requests }) => {
  const user = await signUpThroughUI(page);
  await page.getByRole('link', { name: 'Account' }).click();
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  await waitForAccessTokenExpiry(context);
  let heldDataRequests = 0;
  await page.route(/\/_next\/data\//, async (route) => {
    heldDataRequests += 1;
    const delay = route.request().url().includes('/account.json') ? SOFT_RELOAD_DATA_MS : NAVIGATION_DATA_MS;
    await new Promise((resolve) => setTimeout(resolve, delay));
    await route.fallback().catch(() => undefined); // the page may have moved on meanwhile
  });
  const mark = await traceMark(page);
  const requestMark = requests.mark();
  await page.reload({ waitUntil: 'load' });
  await expect.poll(() => heldDataRequests).toBe(1);

  await page.goBack();

  await expect(page).toHaveURL('/');
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  await page.waitForTimeout(SOFT_RELOAD_DATA_MS);
  const entries = await entriesSince(page, mark);
  expect(entries.map((e) => `${e.state}@${e.path}`)).toEqual([
    'refreshing@/account',
    'reloading.soft@/account',
    // Cancelled: still waiting, now for the verdict of `/`.
    'reloading.soft@/',
    'authenticated@/',
  ]);
  expect(requests.ofKindSince('document', requestMark), 'only the reload the test made').toHaveLength(1);
  expect(requests.ofKindSince('refresh', requestMark).map((r) => r.status)).toEqual([200]);
});
