import { accessTokenExpiresAt, waitForAccessTokenExpiry } from '../support/accessToken';
import { signUpThroughUI } from '../support/auth';
import { expect, test } from '../support/fixtures';
import { entriesSince, traceMark } from '../support/sessionTrace';

/**
 * Holds the data requests: the soft reload's long enough for the user to navigate meanwhile, the
 * navigation's until the soft reload has been answered and a moment more, so the cancelled reload
 * answers first (with `false`) while the navigation that won has not brought its verdict yet.
 */
const SOFT_RELOAD_DATA_MS = 400;
const NAVIGATION_DATA_AFTER_RELOAD_MS = 300;
/**
 * The refreshed token lives 2 to 3 s (ACCESS_TOKEN_LIFETIME_SECONDS, its expiry in whole seconds).
 * A busy machine took that long from the refresh to the navigation's request (CI, 2026-12-06):
 * the request reached the server with an expired token and rightly started another recovery. A
 * request sent this close to the expiry may go either way.
 */
const EXPIRY_TOO_CLOSE_TO_CALL_MS = 250;

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
  let releaseSoftReload = () => {};
  const softReloadReleased = new Promise<void>((resolve) => {
    releaseSoftReload = resolve;
  });
  let navigationSent: { at: number; tokenExpiresAt: number } | undefined;
  await page.route(/\/_next\/data\//, async (route) => {
    heldDataRequests += 1;
    const softReload = route.request().url().includes('/account.json');
    if (!softReload) await softReloadReleased;
    await new Promise((resolve) => setTimeout(resolve, softReload ? SOFT_RELOAD_DATA_MS : NAVIGATION_DATA_AFTER_RELOAD_MS));
    if (!softReload) navigationSent ??= { at: Date.now(), tokenExpiresAt: await accessTokenExpiresAt(context) };
    await route.fallback().catch(() => undefined); // the page may have moved on meanwhile
    if (softReload) releaseSoftReload();
  });
  const mark = await traceMark(page);
  const requestMark = requests.mark();
  await page.reload({ waitUntil: 'load' });
  await expect.poll(() => heldDataRequests).toBe(1);

  await page.goBack();

  await expect(page).toHaveURL('/');
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  await page.waitForTimeout(SOFT_RELOAD_DATA_MS);
  const entries = (await entriesSince(page, mark)).map((e) => `${e.state}@${e.path}`);
  const cancelledThenWon = [
    'refreshing@/account',
    'reloading.soft@/account',
    // Cancelled: still waiting, now for the verdict of `/`.
    'reloading.soft@/',
  ];
  if (!navigationSent) throw new Error('the navigation sent no data request');
  const sentAsTokenExpired = navigationSent.at > navigationSent.tokenExpiresAt - EXPIRY_TOO_CLOSE_TO_CALL_MS;
  const recoveredAgain = entries.length > cancelledThenWon.length + 1;
  expect(recoveredAgain && !sentAsTokenExpired, `a second recovery with a token that had ${navigationSent.tokenExpiresAt - navigationSent.at} ms left`).toBe(false);
  expect(entries).toEqual([...cancelledThenWon, ...(recoveredAgain ? ['refreshing@/', 'reloading.soft@/'] : []), 'authenticated@/']);
  expect(requests.ofKindSince('document', requestMark), 'only the reload the test made').toHaveLength(1);
  expect(requests.ofKindSince('refresh', requestMark).map((r) => r.status)).toEqual(recoveredAgain ? [200, 200] : [200]);
});
