import type { Page } from '@playwright/test';
import { waitForAccessTokenExpiry } from '../support/accessToken';
import { signUpThroughUI } from '../support/auth';
import { expect, test } from '../support/fixtures';
import { loadingShellSightings } from '../support/loadingShellWatch';
import { statesSince, traceMark } from '../support/sessionTrace';

async function expectAboutPageWithoutShell(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
  expect(await loadingShellSightings(page), 'no loading shell, not even for one frame').toEqual([]);
}

test.describe('a public page never shows the loading UI', () => {
  test('signed out', async ({ page }) => {
    const response = await page.goto('/about', { waitUntil: 'load' });

    expect(await response?.text()).not.toContain('data-session-flow');
    await expectAboutPageWithoutShell(page);
    expect(await statesSince(page)).toEqual(['idle']);
    // (SuperTokensWrapper probes the refresh endpoint once for a first-time visitor, answered 401;
    // that is the SDK's session check, not the machine, and it changes nothing here.)
    await expect(page).toHaveURL('/about');
  });

  test('signed in, through a <Link>, and loaded with an expired access token', async ({ page, context, requests }) => {
    await signUpThroughUI(page);
    const mark = await traceMark(page);

    await page.getByRole('link', { name: 'About' }).click();
    await expect(page).toHaveURL('/about');
    await expectAboutPageWithoutShell(page);
    expect(await statesSince(page, mark), 'a page that checks no session: nothing to watch').toEqual(['idle']);

    await waitForAccessTokenExpiry(context);
    const requestMark = requests.mark();
    const response = await page.reload({ waitUntil: 'load' });

    expect(await response?.text()).not.toContain('data-session-flow');
    await expectAboutPageWithoutShell(page);
    await expect.poll(() => statesSince(page, mark)).toEqual(['idle']);
    const refreshes = requests.ofKindSince('refresh', requestMark);
    expect(refreshes.every((r) => r.status === 200), 'nothing signs the user out here').toBe(true);
  });
});
