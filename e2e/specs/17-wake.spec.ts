import { waitForAccessTokenExpiry } from '../support/accessToken';
import { signUpThroughUI } from '../support/auth';
import { expect, test } from '../support/fixtures';
import { statesAndPathsSince, statesSince, traceMark } from '../support/sessionTrace';
import { setTabVisibility } from '../support/visibility';

test.describe('a tab that becomes visible again', () => {
  test('with an expired access token: one refresh at once, before the next click needs it', async ({ page, context, requests }) => {
    const user = await signUpThroughUI(page);
    await waitForAccessTokenExpiry(context);
    const mark = await traceMark(page);
    const requestMark = requests.mark();

    await setTabVisibility(page, 'visible');

    await expect.poll(() => requests.ofKindSince('refresh', requestMark).map((r) => r.status)).toEqual([200]);
    await expect.poll(() => statesSince(page, mark)).toEqual(['revalidating', 'authenticated']);
    await expect(page.getByTestId('user-id'), 'the page stayed on screen').toHaveText(user.userId);

    await page.getByRole('link', { name: 'Account' }).click();
    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    expect(requests.ofKindSince('refresh', requestMark), 'the click needed no refresh').toHaveLength(1);
    await expect
      .poll(() => statesAndPathsSince(page, mark))
      .toEqual(['revalidating@/', 'authenticated@/', 'authenticated@/account']);
  });

  test('with a valid access token: no request at all', async ({ page, requests }) => {
    await signUpThroughUI(page);
    // A token fresh from its refresh ahead of expiry, whatever the sign-up took: shown, the tab
    // refreshes shortly before the token expires; hidden again at once, it holds a whole lifetime.
    const refreshMark = requests.mark();
    const refreshTraceMark = await traceMark(page);
    await setTabVisibility(page, 'visible');
    await expect.poll(() => statesSince(page, refreshTraceMark), { timeout: 5_000 }).toEqual(['revalidating', 'authenticated']);
    expect(requests.ofKindSince('refresh', refreshMark).map((refresh) => refresh.status)).toEqual([200]);
    await setTabVisibility(page, 'hidden');
    const mark = await traceMark(page);
    const requestMark = requests.mark();

    await setTabVisibility(page, 'visible');
    await page.waitForTimeout(500);

    // (Next may still be prefetching the links' page chunks: static files, not the app.)
    expect(requests.all().slice(requestMark).filter((r) => !r.path.startsWith('/_next/static/'))).toEqual([]);
    expect(await statesSince(page, mark)).toEqual([]);
  });
});
