import { waitForAccessTokenExpiry } from '../support/accessToken';
import { signUpThroughUI } from '../support/auth';
import { sessionHandlesOf } from '../support/core';
import { expect, test } from '../support/fixtures';
import { statesSince, traceMark } from '../support/sessionTrace';

test('two tabs loading with an expired token at once both recover, without tripping token-theft detection', async ({
  page: first,
  context,
  requests,
}) => {
  const user = await signUpThroughUI(first);
  const sessionsBefore = await sessionHandlesOf(user.userId);
  expect(sessionsBefore).toHaveLength(1);
  const second = await context.newPage();
  await waitForAccessTokenExpiry(context);
  const firstMark = await traceMark(first);
  const requestMark = requests.mark();

  await Promise.all([first.reload({ waitUntil: 'load' }), second.goto('/account', { waitUntil: 'load' })]);

  await expect(first.getByTestId('user-id')).toHaveText(user.userId);
  await expect(second.getByTestId('user-id')).toHaveText(user.userId);
  const recovered = ['refreshing', 'reloading.soft', 'authenticated'];
  await expect.poll(() => statesSince(first, firstMark)).toEqual(recovered);
  await expect.poll(() => statesSince(second)).toEqual(recovered);

  const refreshes = requests.ofKindSince('refresh', requestMark);
  // SuperTokens' cross-tab lock lets one tab refresh while the other waits and reuses the result;
  // at most one call per tab, and never a 401 (a reused, rotated refresh token reads as theft).
  expect(refreshes.length).toBeGreaterThanOrEqual(1);
  expect(refreshes.length).toBeLessThanOrEqual(2);
  expect(refreshes.map((r) => r.status)).toEqual(refreshes.map(() => 200));
  // Theft detection would have revoked the session in the core.
  expect(await sessionHandlesOf(user.userId)).toEqual(sessionsBefore);
  expect(requests.ofKindSince('document', requestMark)).toHaveLength(2);
  test.info().annotations.push({ type: 'refresh calls', description: String(refreshes.length) });
});
