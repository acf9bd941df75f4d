import { signInThroughUI, signUpThroughUI } from '../support/auth';
import { dropAccessTokenFromPageRequests } from '../support/faults';
import { expect, test } from '../support/fixtures';
import { statesAndPathsSince, traceMark } from '../support/sessionTrace';

const ORIGINAL_PATH = '/account?tab=billing#plan';

/**
 * In `stuck` the refresh worked, so the session still exists, and SuperTokens' sign-in page sends
 * anyone with a session straight back. "Sign in again" must end the session first.
 */
test('"Sign in again" from stuck signs out, shows the sign-in form, and comes back to the path, query and hash', async ({
  page,
  requests,
}) => {
  const user = await signUpThroughUI(page);
  const fault = await dropAccessTokenFromPageRequests(page);
  const mark = await traceMark(page);
  await page.goto(ORIGINAL_PATH, { waitUntil: 'load' });
  await expect(page.locator('[data-session-flow="loading"]')).toHaveAttribute('data-session-flow-state', 'stuck');
  fault.repair();
  const requestMark = requests.mark();

  await page.getByRole('button', { name: 'Sign in again' }).click();

  await expect(page).toHaveURL((url) => url.pathname === '/auth');
  expect(new URL(page.url()).searchParams.get('redirectToPath')).toBe(ORIGINAL_PATH);
  await expect(page.locator('input[name=email]'), 'the form, not a bounce back to the page').toBeVisible();
  await page.waitForTimeout(500);
  await expect(page).toHaveURL((url) => url.pathname === '/auth');
  const signOuts = requests.all().slice(requestMark).filter((r) => r.path === '/api/auth/signout');
  expect(signOuts.map((r) => [r.method, r.status])).toEqual([['POST', 200]]);

  await signInThroughUI(page, user);

  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}${url.hash}` === ORIGINAL_PATH);
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  const states = await statesAndPathsSince(page, mark);
  expect(states.slice(states.indexOf('stuck@/account'))).toEqual([
    'stuck@/account',
    'signingOut@/account',
    'redirecting.soft@/account',
    'redirecting.arrived@/auth',
    'authenticated@/account',
  ]);
  // A new recovery starts with the whole budget: the sign-out cleared it.
  expect(await page.evaluate(() => sessionStorage.getItem('ssr-session-flow:recovery-attempts'))).toBeNull();
});
