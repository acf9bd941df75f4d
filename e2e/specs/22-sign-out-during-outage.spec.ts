import { waitForAccessTokenExpiry } from '../support/accessToken';
import { signUpThroughUI } from '../support/auth';
import { expect, test } from '../support/fixtures';
import { clickWhenHydrated } from '../support/hydration';
import { REFRESH_PATH } from '../support/requestLog';

/**
 * Found by the soak (seed 20): supertokens-website's signOut() with an expired access token
 * refreshes first, and when that refresh answers 503 it returns without calling the server and
 * tells every tab the user signed out. The user believed they were signed out, every tab went to
 * the sign-in page, and the session lived on. The kit's signOut says it did not happen instead.
 */
test('a sign-out while the refresh endpoint answers 503 says it failed, signs no tab out, and works once the server is back', async ({ page, context }) => {
  const user = await signUpThroughUI(page);
  await page.goto('/account', { waitUntil: 'load' });
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  const other = await context.newPage();
  await other.goto('/app-router/about', { waitUntil: 'load' });
  await waitForAccessTokenExpiry(context);
  let refreshOutage = true;
  await context.route(
    (url) => url.pathname === REFRESH_PATH,
    (route) => (refreshOutage ? route.fulfill({ status: 503, body: 'Service Unavailable' }) : route.fallback()),
  );

  await clickWhenHydrated(other.getByRole('button', { name: 'Sign out' }));

  await expect(other.getByRole('alert').filter({ hasText: 'Could not sign out' })).toBeVisible();
  await expect(other).toHaveURL((url) => url.pathname === '/app-router/about');
  await page.waitForTimeout(3_000);
  await expect(page).toHaveURL((url) => url.pathname === '/account');
  await expect(page.getByTestId('user-id'), 'the other tab was told nothing').toHaveText(user.userId);

  refreshOutage = false;
  await other.getByRole('button', { name: 'Sign out' }).click();

  await expect(other).toHaveURL((url) => url.pathname === '/auth');
  await expect(page.getByTestId('user-id'), 'now the other tab leaves').toHaveCount(0, { timeout: 3_000 });
  expect((await context.cookies()).filter((c) => c.name === 'sAccessToken' && c.value)).toEqual([]);
});
