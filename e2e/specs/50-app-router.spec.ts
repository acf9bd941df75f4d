import { waitForAccessTokenExpiry } from '../support/accessToken';
import { signInThroughUI, signUpThroughUI } from '../support/auth';
import { revokeAllSessions } from '../support/core';
import { signUpAndLetAccessTokenExpire } from '../support/expiredSession';
import { dropRefreshRequests } from '../support/faults';
import { expect, test } from '../support/fixtures';
import { loadingShellSightings } from '../support/loadingShellWatch';
import { statesSince, traceMark } from '../support/sessionTrace';

/** The App Router demo: a protected layout with `SessionFlowBoundary`, pages that report their verdict. */
test.describe('the App Router', () => {
  test('an expired token: one refresh, router.refresh() re-runs the server components, no document load', async ({
    page,
    context,
    requests,
  }) => {
    const { user, traceMark: mark, requestMark } = await signUpAndLetAccessTokenExpire(page, context, requests);

    await page.goto('/app-router', { waitUntil: 'load' });

    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    await expect.poll(() => statesSince(page, mark)).toEqual(['refreshing', 'reloading.soft', 'authenticated']);
    expect(requests.ofKindSince('refresh', requestMark).map((r) => r.status)).toEqual([200]);
    expect(requests.ofKindSince('document', requestMark), 'only the page load itself').toHaveLength(1);
    expect(requests.ofKindSince('rsc', requestMark).length, 'the refresh fetched the server components').toBeGreaterThanOrEqual(1);
  });

  test('signing out from an App Router page ends the session and shows the sign-in form', async ({ page, context }) => {
    await signUpThroughUI(page);
    await page.goto('/app-router', { waitUntil: 'load' });
    await expect(page.getByTestId('user-id')).toBeVisible();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.getByRole('button', { name: 'Sign out' }).click();

    await expect(page).toHaveURL((url) => url.pathname === '/auth');
    await expect(page.getByRole('button', { name: /sign in/i }).first()).toBeVisible();
    expect((await context.cookies()).filter((cookie) => cookie.name === 'sAccessToken' && cookie.value)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('a deep link with query and hash recovers with the URL and the anchor intact', async ({ page, context, requests }) => {
    const target = '/app-router/account?tab=security#devices';
    const { user, requestMark } = await signUpAndLetAccessTokenExpire(page, context, requests);

    await page.goto(target, { waitUntil: 'load' });

    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}${url.hash}` === target);
    await expect(page.locator('#devices')).toBeInViewport();
    expect(requests.ofKindSince('document', requestMark)).toHaveLength(1);
  });

  test('a client-side navigation with an expired token: the page reports its verdict and the boundary recovers', async ({
    page,
    context,
    requests,
  }) => {
    const user = await signUpThroughUI(page);
    await page.goto('/app-router', { waitUntil: 'load' });
    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    await waitForAccessTokenExpiry(context);
    const mark = await traceMark(page);
    const requestMark = requests.mark();

    await page.getByRole('link', { name: 'Account' }).click();

    await expect(page).toHaveURL((url) => url.pathname === '/app-router/account');
    await expect(page.getByRole('heading', { name: 'Account (App Router)' })).toBeVisible();
    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    await expect.poll(() => statesSince(page, mark)).toEqual(['refreshing', 'reloading.soft', 'authenticated']);
    expect(requests.ofKindSince('document', requestMark)).toEqual([]);
  });

  test('a revoked session goes to sign-in, and signing in returns to the path, query and hash', async ({ page, context }) => {
    const target = '/app-router/account?tab=billing#plan';
    const user = await signUpThroughUI(page);
    await revokeAllSessions(user.userId);
    await waitForAccessTokenExpiry(context);

    await page.goto(target, { waitUntil: 'load' });

    await expect(page).toHaveURL((url) => url.pathname === '/auth');
    expect(new URL(page.url()).searchParams.get('redirectToPath')).toBe(target);
    await signInThroughUI(page, user);
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}${url.hash}` === target);
    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  });

  test('the network failing mid-refresh: offline, never signed out, recovered once the network is back', async ({
    page,
    context,
    requests,
  }) => {
    const { user, requestMark } = await signUpAndLetAccessTokenExpire(page, context, requests);
    const outage = await dropRefreshRequests(page);

    await page.goto('/app-router', { waitUntil: 'load' });
    await expect(page.locator('[data-session-flow="loading"]')).toHaveAttribute('data-session-flow-state', 'offline');
    outage.restore();
    await context.setOffline(true);
    await context.setOffline(false);

    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    await expect(page).toHaveURL((url) => url.pathname === '/app-router');
    expect(requests.ofKindSince('document', requestMark)).toHaveLength(1);
  });

  test('a streamed page that is fine shows its own Suspense fallback, never the loading UI', async ({ page }) => {
    const user = await signUpThroughUI(page);

    await page.goto('/app-router/streamed', { waitUntil: 'commit' });

    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    await expect(page.getByTestId('activity')).toBeVisible();
    expect(await loadingShellSightings(page), 'no loading shell, not even for one frame').toEqual([]);
  });
});
