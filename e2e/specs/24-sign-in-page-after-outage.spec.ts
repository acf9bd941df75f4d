import { waitForAccessTokenExpiry } from '../support/accessToken';
import { signUpThroughUI } from '../support/auth';
import { dropRefreshRequests } from '../support/faults';
import { expect, test } from '../support/fixtures';

/**
 * Found by the soak (seed 5118): a signed-in user goes Back to the sign-in page while refresh calls
 * fail on the network. supertokens-auth-react asks supertokens-website whether a session exists;
 * with an expired access token that means a refresh, and a refresh that fails on the network
 * answers "no session". The form is shown to a signed-in user, and it stayed after the network
 * came back: nothing asked again. The kit's `watchSignInPageForSession` asks again and takes the user
 * where the sign-in would have.
 */
test.describe('the sign-in page, opened by a signed-in user while refresh calls fail', () => {
  test('goes Back to it: once the network is back, the user is taken back to the page, signed in', async ({ page }) => {
    const user = await signUpThroughUI(page);
    await expect(page).toHaveURL((url) => url.pathname === '/');
    await waitForAccessTokenExpiry(page.context());
    const outage = await dropRefreshRequests(page);

    await page.goBack({ waitUntil: 'load' });

    await expect(page).toHaveURL((url) => url.pathname === '/auth');
    await expect(page.locator('input[name=email]'), 'the SDK could not tell: it shows the form').toBeVisible();
    outage.restore();
    await expect(page).toHaveURL((url) => url.pathname === '/');
    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  });

  test('loads it with a return path: once the network is back, the user lands there, and only there', async ({ page }) => {
    const user = await signUpThroughUI(page);
    await waitForAccessTokenExpiry(page.context());
    const outage = await dropRefreshRequests(page);

    await page.goto('/auth?redirectToPath=%2Faccount%3Ftab%3Dbilling', { waitUntil: 'load' });

    await expect(page.locator('input[name=email]')).toBeVisible();
    outage.restore();
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === '/account?tab=billing');
    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  });

  test('with a return path to another site: once the network is back, the user lands on this site', async ({ page }) => {
    const user = await signUpThroughUI(page);
    await waitForAccessTokenExpiry(page.context());
    const outage = await dropRefreshRequests(page);
    const appOrigin = new URL(page.url()).origin;

    await page.goto('/auth?redirectToPath=%2F%5Cevil.example%2F', { waitUntil: 'load' });

    await expect(page.locator('input[name=email]')).toBeVisible();
    outage.restore();
    await expect(page).toHaveURL((url) => url.origin === appOrigin && url.pathname === '/');
    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  });
});
