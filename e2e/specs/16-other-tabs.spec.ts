import type { Page } from '@playwright/test';
import { waitForAccessTokenExpiry } from '../support/accessToken';
import { signInThroughUI, signUpThroughUI } from '../support/auth';
import { dropRefreshRequests } from '../support/faults';
import { expect, test } from '../support/fixtures';
import type { RequestLog } from '../support/requestLog';
import { statesAndPathsSince, traceMark } from '../support/sessionTrace';

const WITHIN_A_SECOND = { timeout: 1_000 };

test.describe('other tabs of the same browser', () => {
  test('a sign-out in one tab makes another tab leave its protected page within a second, with at most one request', async ({
    page,
    context,
    requests,
  }) => {
    const user = await signUpThroughUI(page);
    const other = await context.newPage();
    await other.goto('/account?tab=billing#plan', { waitUntil: 'load' });
    await expect(other.getByTestId('user-id')).toHaveText(user.userId);
    const mark = await traceMark(other);
    const requestMark = requests.mark();

    await page.getByRole('button', { name: 'Sign out' }).click();

    await expect(other.getByTestId('user-id')).toHaveCount(0, WITHIN_A_SECOND);
    await expect(other).toHaveURL((url) => url.pathname === '/auth');
    expect(new URL(other.url()).searchParams.get('redirectToPath')).toBe('/account?tab=billing#plan');
    await expect(other.locator('input[name=email]')).toBeVisible();
    expect(appRequestsOf(requests, other, requestMark).length, 'no request storm').toBeLessThanOrEqual(1);
    expect(await statesAndPathsSince(other, mark)).toEqual(['redirecting.soft@/account', 'redirecting.arrived@/auth']);
  });

  test('a sign-in in one tab brings another tab back from the sign-in page by itself', async ({ page, context }) => {
    const user = await signUpThroughUI(page);
    const other = await context.newPage();
    await other.goto('/account?tab=billing#plan', { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(other).toHaveURL((url) => url.pathname === '/auth');
    await expect(page.locator('input[name=email]')).toBeVisible();

    await signInThroughUI(page, user);

    await expect(other).toHaveURL((url) => `${url.pathname}${url.search}${url.hash}` === '/account?tab=billing#plan');
    await expect(other.getByTestId('user-id')).toHaveText(user.userId);
  });

  test('a refresh in one tab brings another tab back from offline, without its own refresh', async ({ page, context, requests }) => {
    const user = await signUpThroughUI(page);
    const other = await context.newPage();
    await other.goto('/account', { waitUntil: 'load' });
    await waitForAccessTokenExpiry(context);
    await dropRefreshRequests(other);
    await other.reload({ waitUntil: 'load' });
    await expect(other.locator('[data-session-flow="loading"]')).toHaveAttribute('data-session-flow-state', 'offline');
    const mark = await traceMark(other);

    await page.reload({ waitUntil: 'load' });
    await expect(page.getByTestId('user-id')).toHaveText(user.userId);

    await expect(other.getByTestId('user-id')).toHaveText(user.userId);
    const ownRefreshes = requests.ofKind('refresh', other).filter((r) => r.status !== null);
    expect(ownRefreshes, 'every refresh of this tab was lost to the outage').toEqual([]);
    const states = await statesAndPathsSince(other, mark);
    expect(states.slice(states.indexOf('reloading.soft@/account'))).toEqual(['reloading.soft@/account', 'authenticated@/account']);
  });
});

/** Requests to the app itself (documents, data, APIs), not the static files a client navigation loads. */
function appRequestsOf(requests: RequestLog, page: Page, since: number) {
  return requests
    .all()
    .slice(since)
    .filter((r) => r.page === page && !r.path.startsWith('/_next/static/'));
}
