import { signUpThroughUI } from '../support/auth';
import { expect, test } from '../support/fixtures';
import { statesSince, traceMark } from '../support/sessionTrace';

test('after signing out in one tab, the other tab goes to sign-in on its next navigation', async ({ page, context }) => {
  const user = await signUpThroughUI(page);
  const other = await context.newPage();
  await other.goto('/account', { waitUntil: 'load' });
  await expect(other.getByTestId('user-id')).toHaveText(user.userId);
  const otherMark = await traceMark(other);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/auth');
  await expect(page.locator('input[name=email]')).toBeVisible();

  // The other tab still shows what it rendered before; its next navigation asks the server again.
  await other.getByRole('link', { name: 'Home' }).click();

  await expect(other).toHaveURL((url) => url.pathname === '/auth');
  expect(new URL(other.url()).searchParams.get('redirectToPath')).toBe('/');
  await expect(other.locator('input[name=email]')).toBeVisible();
  await expect(other.getByTestId('user-id')).toHaveCount(0);
  expect(await statesSince(other, otherMark)).toEqual(['refreshing', 'redirecting']);
});
