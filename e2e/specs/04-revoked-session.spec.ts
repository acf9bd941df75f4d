import { waitForAccessTokenExpiry } from '../support/accessToken';
import { signInThroughUI, signUpThroughUI } from '../support/auth';
import { revokeAllSessions } from '../support/core';
import { expect, test } from '../support/fixtures';
import { statesAndPathsSince, traceMark } from '../support/sessionTrace';

const ORIGINAL_PATH = '/account?tab=billing&sort=desc#plan';

test('a session revoked on the backend goes to sign-in, and signing in again returns to the path, query and hash', async ({
  page,
  context,
  requests,
}) => {
  const user = await signUpThroughUI(page);
  expect(await revokeAllSessions(user.userId)).toHaveLength(1);
  // The server's check is local (JWT only), so the revocation shows once the access token expires.
  await waitForAccessTokenExpiry(context);
  const mark = await traceMark(page);
  const requestMark = requests.mark();

  await page.goto(ORIGINAL_PATH, { waitUntil: 'load' });

  await expect(page).toHaveURL((url) => url.pathname === '/auth');
  const authUrl = new URL(page.url());
  expect(authUrl.searchParams.get('redirectToPath')).toBe(ORIGINAL_PATH);
  expect(authUrl.searchParams.get('show')).toBe('signin');
  await expect(page.locator('input[name=email]')).toBeVisible();
  await expect(page.getByTestId('user-id')).toHaveCount(0);
  expect(requests.ofKindSince('refresh', requestMark).map((r) => r.status), 'the core refused the refresh').toEqual([401]);
  // The sign-in page checks no session; the machine waits there, arrived (a sign-in elsewhere brings it back).
  const toSignIn = ['refreshing@/account', 'redirecting.soft@/account', 'redirecting.arrived@/auth'];
  expect(await statesAndPathsSince(page, mark)).toEqual(toSignIn);

  await signInThroughUI(page, user);

  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}${url.hash}` === ORIGINAL_PATH);
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  await expect.poll(() => statesAndPathsSince(page, mark)).toEqual([...toSignIn, 'authenticated@/account']);
  await expect(page.locator('#plan'), 'back at the anchor').toBeInViewport();
});
