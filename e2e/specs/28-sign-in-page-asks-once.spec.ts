import { failRefresh } from 'ssr-session-flow/testing/playwright';
import { waitForAccessTokenExpiry } from '../support/accessToken';
import { signUpThroughUI } from '../support/auth';
import { expect, test } from '../support/fixtures';

/**
 * Found by the soak (seed 1092, a refresh storm): during an outage a signed-in user went Back to
 * the sign-in page with an expired access token. supertokens-auth-react's prebuilt UI asks
 * `doesSessionExist()` twice as the page opens (its session context, then the page), each a
 * refresh call, and the kit's watch asked again a second later: three calls in a second, and the
 * next page's recovery made five within one token lifetime. The demo's sign-in page shares the
 * questions (`shareSessionChecks`), and the watch's first question waits the backoff's second step.
 */
test.describe('the sign-in page, opened with an expired access token while refresh answers 503', () => {
  test('asks the server once as it opens, not once per question', async ({ page }) => {
    await signUpThroughUI(page);
    await waitForAccessTokenExpiry(page.context());
    const outage = await failRefresh(page, { status: 503 });

    await page.goto('/auth', { waitUntil: 'load' });
    await expect(page.locator('input[name=email]'), 'the SDK could not tell: it shows the form').toBeVisible();
    // Past the prebuilt UI's second question (about 200 ms after its first) and short of the
    // watch's first (2 s after the page opened): a count, not a timing.
    await page.waitForTimeout(1_000);

    expect(outage.calls()).toBe(1);
    outage.restore();
    await expect(page, 'the watch still takes the user on once the server answers').toHaveURL((url) => url.pathname === '/');
  });
});
