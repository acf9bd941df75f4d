import { signUpAndLetAccessTokenExpire } from '../support/expiredSession';
import { expect, test } from '../support/fixtures';
import { statesSince } from '../support/sessionTrace';

/**
 * Next's router treats a navigation to the URL it shows, when that URL has a hash, as a hash-only
 * change: it re-renders the old props without fetching. A soft reload that ignored this left deep
 * links on "Loading the page again…" for ever.
 */
test.describe('a deep link with a hash and an expired access token', () => {
  test('/account?tab=security#devices: one refresh, one re-run of the server props, URL and anchor kept, no document reload', async ({
    page,
    context,
    requests,
  }) => {
    const target = '/account?tab=security#devices';
    const { user, traceMark: mark, requestMark } = await signUpAndLetAccessTokenExpire(page, context, requests);

    await page.goto(target, { waitUntil: 'load' });

    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}${url.hash}` === target);
    await expect(page.locator('#devices'), 'scrolled to the anchor once the page replaced the loading UI').toBeInViewport();
    await expect.poll(() => statesSince(page, mark)).toEqual(['refreshing', 'reloading.soft', 'authenticated']);
    expect(requests.ofKindSince('refresh', requestMark).map((r) => r.status)).toEqual([200]);
    expect(requests.ofKindSince('data', requestMark).map((r) => r.path)).toEqual([
      expect.stringMatching(/^\/_next\/data\/[^/]+\/account\.json\?tab=security$/),
    ]);
    expect(requests.ofKindSince('document', requestMark), 'only the deep link itself').toHaveLength(1);
  });

  test('/#top: recovers the same way', async ({ page, context, requests }) => {
    const { user, traceMark: mark, requestMark } = await signUpAndLetAccessTokenExpire(page, context, requests);
    // From `/`, going to `/#top` would only scroll: leave the document first, so it loads anew.
    await page.goto('about:blank');

    await page.goto('/#top', { waitUntil: 'load' });

    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    await expect(page).toHaveURL((url) => url.pathname === '/' && url.hash === '#top');
    await expect.poll(() => statesSince(page, mark)).toEqual(['refreshing', 'reloading.soft', 'authenticated']);
    expect(requests.ofKindSince('data', requestMark)).toHaveLength(1);
    expect(requests.ofKindSince('document', requestMark)).toHaveLength(1);
  });
});
