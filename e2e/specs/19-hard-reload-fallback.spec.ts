import { signUpAndLetAccessTokenExpire } from '../support/expiredSession';
import { expect, test } from '../support/fixtures';
import { statesSince } from '../support/sessionTrace';

const TARGET = '/account?tab=security#devices';

/**
 * When the server props cannot run again through the router (its data request fails), Next throws
 * rather than reload the URL it shows; the flow falls back to one document reload, at the same
 * URL, hash included.
 */
test('a soft reload whose data request fails falls back to one document reload at the same URL', async ({
  page,
  context,
  requests,
}) => {
  const { user, traceMark: mark, requestMark } = await signUpAndLetAccessTokenExpire(page, context, requests);
  await page.route(/\/_next\/data\//, (route) => route.abort('connectionreset'));

  await page.goto(TARGET, { waitUntil: 'load' });

  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}${url.hash}` === TARGET);
  await expect.poll(() => statesSince(page, mark)).toEqual(['refreshing', 'reloading.soft', 'reloading.hard', 'authenticated']);
  expect(requests.ofKindSince('document', requestMark).map((r) => r.path)).toEqual(['/account?tab=security', '/account?tab=security']);
  expect(requests.ofKindSince('refresh', requestMark).map((r) => r.status)).toEqual([200]);
});
