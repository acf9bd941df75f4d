import { waitForAccessTokenExpiry } from '../support/accessToken';
import { signUpThroughUI } from '../support/auth';
import { revokeAllSessions } from '../support/core';
import { dropRefreshRequests } from '../support/faults';
import { expect, test } from '../support/fixtures';
import { statesSince, traceMark } from '../support/sessionTrace';

/** Several retry delays: the recovery left running before would have redirected by then. */
const WATCH_MS = 4_000;

test('a recovery left behind on a protected page never moves the user off the public page they went to', async ({
  page,
  context,
  requests,
}) => {
  const user = await signUpThroughUI(page);
  await page.getByRole('link', { name: 'About' }).click();
  await expect(page).toHaveURL('/about');
  await page.getByRole('link', { name: 'Account' }).click();
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  await waitForAccessTokenExpiry(context);
  await dropRefreshRequests(page);
  await page.reload({ waitUntil: 'load' });
  await expect(page.locator('[data-session-flow="loading"]')).toHaveAttribute('data-session-flow-state', 'offline');
  // The screen shows the state as React commits it, the trace records it a moment later: marked
  // before that record, the trace would count `offline` as something that came after the mark.
  await expect.poll(async () => (await statesSince(page)).at(-1), { message: 'the trace has recorded offline' }).toBe('offline');
  const mark = await traceMark(page);

  // Back to the public page: a client-side navigation by the Next router. Until then the flow
  // goes on retrying (offline, refreshing, offline…, as many turns as a busy machine leaves time
  // for): what counts is that it ends idle, and stays so.
  await page.goBack();
  await expect(page).toHaveURL('/about');
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
  await expect.poll(async () => (await statesSince(page, mark)).at(-1), { message: 'idle on the public page' }).toBe('idle');
  const untilIdle = await statesSince(page, mark);
  expect(untilIdle.slice(0, -1).filter((state) => state !== 'offline' && state !== 'refreshing'), 'nothing but the retries before Back').toEqual([]);
  const idleMark = await traceMark(page);

  // Then the network returns, and the session turns out to be gone.
  await revokeAllSessions(user.userId);
  const requestMark = requests.mark();
  await context.setOffline(true);
  await context.setOffline(false);
  await page.waitForTimeout(WATCH_MS);

  await expect(page).toHaveURL('/about');
  expect(requests.ofKindSince('refresh', requestMark), 'no recovery runs behind a public page').toEqual([]);
  expect(await statesSince(page, idleMark)).toEqual([]);
});
