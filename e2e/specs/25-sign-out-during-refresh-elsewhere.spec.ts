import { signUpThroughUI } from '../support/auth';
import { expect, test } from '../support/fixtures';
import { clickWhenHydrated } from '../support/hydration';
import { REFRESH_PATH } from '../support/requestLog';

test.use({ visibleTabs: true });

/** How late the refresh's answer reaches the browser after the server has rotated the tokens. */
const ANSWER_DELAY_MS = 1_500;

/**
 * Found by the soak (seed 5016): a tab refreshes ahead of expiry while the user signs out in
 * another. The server rotates the tokens, then the sign-out revokes the session, then the refresh's
 * answer reaches the browser and writes the rotated tokens back into the cookies every tab shares:
 * the new access token still verifies until it expires, and the SDK believes a session exists. The
 * kit's sign-out waits for the refresh's lock, so it signs out the rotated session instead.
 */
test('a sign-out while another tab’s refresh is answered late leaves no session behind', async ({ page, context }) => {
  const user = await signUpThroughUI(page);
  const other = await context.newPage();
  await other.goto('/account', { waitUntil: 'load' });
  await expect(other.getByTestId('user-id')).toHaveText(user.userId);
  let rotated: () => void = () => {};
  const refreshRotated = new Promise<void>((resolve) => (rotated = resolve));
  await context.route(
    (url) => url.pathname === REFRESH_PATH,
    async (route) => {
      const response = await route.fetch(); // the server rotates the tokens now…
      rotated();
      await new Promise((resolve) => setTimeout(resolve, ANSWER_DELAY_MS));
      await route.fulfill({ response }); // …the browser hears of it later
    },
  );

  await refreshRotated; // a tab refreshes ahead of expiry, a fifth of the token's lifetime early
  await clickWhenHydrated(page.getByRole('button', { name: 'Sign out' }));

  await expect(page).toHaveURL((url) => url.pathname === '/auth');
  await page.waitForTimeout(ANSWER_DELAY_MS + 500);
  expect((await context.cookies()).filter((c) => c.name === 'sAccessToken' && c.value), 'no access token came back').toEqual([]);
  const later = await context.newPage();
  await later.goto('/account', { waitUntil: 'load' });
  await expect(later).toHaveURL((url) => url.pathname === '/auth');
  await expect(later.getByTestId('user-id')).toHaveCount(0);
});
