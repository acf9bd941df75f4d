import { signUpAndLetAccessTokenExpire } from '../support/expiredSession';
import { expect, test } from '../support/fixtures';
import { loadingShellSightings } from '../support/loadingShellWatch';
import { entriesSince } from '../support/sessionTrace';

test.describe('an expired access token on a client-side <Link> navigation', () => {
  test('to a getServerSideProps page: loading shell, one refresh, a soft re-run, same user', async ({
    page,
    context,
    requests,
  }) => {
    const { user, traceMark: mark, requestMark } = await signUpAndLetAccessTokenExpire(page, context, requests);
    expect(await loadingShellSightings(page)).toEqual([]);

    await page.getByRole('link', { name: 'Account' }).click();

    await expect(page).toHaveURL('/account');
    await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    await expect
      .poll(async () => (await entriesSince(page, mark)).map((e) => `${e.state} ${e.path}`))
      .toEqual(['refreshing /account', 'reloading.soft /account', 'authenticated /account']);
    expect(await loadingShellSightings(page), 'the gate showed its shell while recovering').not.toEqual([]);

    expect(requests.ofKindSince('refresh', requestMark).map((r) => r.status)).toEqual([200]);
    // The navigation's own props (rejected), then the soft re-run after the refresh (accepted).
    const accountData = expect.stringMatching(/^\/_next\/data\/[^/]+\/account\.json$/);
    expect(requests.ofKindSince('data', requestMark).map((r) => r.path)).toEqual([accountData, accountData]);
    expect(requests.ofKindSince('document', requestMark)).toEqual([]);
  });

  test('to a getInitialProps page: the verdict comes from the verdict API, the rest is the same', async ({
    page,
    context,
    requests,
  }) => {
    const { user, traceMark: mark, requestMark } = await signUpAndLetAccessTokenExpire(page, context, requests);

    await page.getByRole('link', { name: 'Activity' }).click();

    await expect(page).toHaveURL('/activity');
    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    await expect(page.getByText('props loaded on the browser')).toBeVisible();
    await expect
      .poll(async () => (await entriesSince(page, mark)).map((e) => `${e.state} ${e.path}`))
      .toEqual(['refreshing /activity', 'reloading.soft /activity', 'authenticated /activity']);
    expect(await loadingShellSightings(page)).not.toEqual([]);

    expect(requests.ofKindSince('refresh', requestMark).map((r) => r.status)).toEqual([200]);
    expect(requests.ofKindSince('session-verdict', requestMark).map((r) => r.status)).toEqual([200, 200]);
    expect(requests.ofKindSince('document', requestMark)).toEqual([]);
  });
});
