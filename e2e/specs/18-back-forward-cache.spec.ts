import { signUpThroughUI } from '../support/auth';
import { expect, test } from '../support/fixtures';
import { statesAndPathsSince, traceMark } from '../support/sessionTrace';

test.use({ backForwardCache: true });

test.describe('a protected page restored from the back/forward cache', () => {
  test('asks the server again: one re-run of the server props, no document load', async ({ page, requests }) => {
    const user = await signUpThroughUI(page);
    await page.goto('/account', { waitUntil: 'load' });
    await page.goto('/about', { waitUntil: 'load' });
    const mark = await traceMark(page);
    const requestMark = requests.mark();

    await page.goBack({ waitUntil: 'commit' });

    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type)).toBe(
      'navigate', // the entry of the document's first load: it was restored, not loaded again
    );
    // (The restored page may first be recorded as it was left, in `authenticated`. On a busy
    // machine the three-second token may have expired by the restore: then the re-run says
    // needs-refresh, and one refresh and one more re-run follow, still without a document load.)
    await expect
      .poll(async () => (await statesAndPathsSince(page, mark)).join(' '))
      .toMatch(/^(authenticated@\/account )?reloading\.soft@\/account (refreshing@\/account reloading\.soft@\/account )?authenticated@\/account$/);
    const recovered = (await statesAndPathsSince(page, mark)).includes('refreshing@/account');
    expect(requests.ofKindSince('document', requestMark), 'restored, not reloaded').toEqual([]);
    expect(requests.ofKindSince('data', requestMark).map((r) => r.path)).toEqual(
      Array(recovered ? 2 : 1).fill(expect.stringMatching(/\/account\.json$/)),
    );
  });

  test('after signing out in another tab, leaves the protected page for sign-in', async ({ page, context }) => {
    await signUpThroughUI(page);
    await page.goto('/account', { waitUntil: 'load' });
    await page.goto('/about', { waitUntil: 'load' });
    const other = await context.newPage();
    await other.goto('/', { waitUntil: 'load' });
    await other.getByRole('button', { name: 'Sign out' }).click();
    await expect(other).toHaveURL((url) => url.pathname === '/auth');

    await page.goBack({ waitUntil: 'commit' });

    await expect(page).toHaveURL((url) => url.pathname === '/auth');
    expect(new URL(page.url()).searchParams.get('redirectToPath')).toBe('/account');
    await expect(page.getByTestId('user-id')).toHaveCount(0);
  });
});
