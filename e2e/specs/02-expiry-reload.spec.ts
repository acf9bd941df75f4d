import { signUpAndLetAccessTokenExpire } from '../support/expiredSession';
import { expect, test } from '../support/fixtures';
import { loadingShellSightings } from '../support/loadingShellWatch';
import { statesSince } from '../support/sessionTrace';

test('an expired access token on reload: loading shell, one refresh, a soft re-run of the server props, same user', async ({
  page,
  context,
  requests,
}) => {
  const { user, traceMark: mark, requestMark } = await signUpAndLetAccessTokenExpire(page, context, requests);

  const reload = await page.reload({ waitUntil: 'load' });
  expect(await reload?.text(), 'the server renders the loading shell for an expired session').toContain(
    'data-session-flow="loading"',
  );

  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  await expect.poll(() => statesSince(page, mark)).toEqual(['refreshing', 'reloading.soft', 'authenticated']);
  expect(await loadingShellSightings(page), 'the shell was in the document').not.toEqual([]);

  const refreshes = requests.ofKindSince('refresh', requestMark);
  expect(refreshes.map((r) => r.status)).toEqual([200]);
  expect(requests.ofKindSince('document', requestMark).map((r) => r.path)).toEqual(['/']);
  expect(requests.ofKindSince('data', requestMark).map((r) => r.path)).toEqual([expect.stringMatching(/^\/_next\/data\/[^/]+\/index\.json$/)]);
});

test('without the Web Locks API (an old browser, plain http from another host) SuperTokens’ own lock is loaded and recovery is the same', async ({
  page,
  context,
  requests,
}) => {
  const { user, traceMark: mark, requestMark } = await signUpAndLetAccessTokenExpire(page, context, requests);
  // Before any page script: as in a browser that never had the API.
  await context.addInitScript(() => {
    delete (Navigator.prototype as { locks?: LockManager }).locks;
  });

  await page.reload({ waitUntil: 'load' });

  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  expect(await page.evaluate(() => 'locks' in navigator)).toBe(false);
  await expect.poll(() => statesSince(page, mark)).toEqual(['refreshing', 'reloading.soft', 'authenticated']);
  expect(requests.ofKindSince('refresh', requestMark).map((r) => r.status)).toEqual([200]);
  expect(requests.ofKindSince('document', requestMark)).toHaveLength(1);
});
