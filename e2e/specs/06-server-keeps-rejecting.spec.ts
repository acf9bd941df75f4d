import { signUpThroughUI } from '../support/auth';
import { dropAccessTokenFromPageRequests } from '../support/faults';
import { expect, test } from '../support/fixtures';
import { statesSince, traceMark } from '../support/sessionTrace';

/** DEFAULT_MAX_RECOVERY_ATTEMPTS: successful refreshes the server may still reject before `stuck`. */
const RECOVERY_BUDGET = 2;
const STUCK_MESSAGE = 'Your session was refreshed, but the server still does not accept it.';
/** Long enough for several more reload cycles, had the loop not stopped (one takes ~100 ms). */
const LOOP_WATCH_MS = 3_000;

test('a server that keeps rejecting a refreshed session: two refreshes, then stuck with its message, no reload loop', async ({
  page,
  requests,
}) => {
  const user = await signUpThroughUI(page);
  const fault = await dropAccessTokenFromPageRequests(page);
  const mark = await traceMark(page);
  const requestMark = requests.mark();

  await page.reload({ waitUntil: 'load' });

  const gate = page.locator('[data-session-flow="loading"]');
  await expect(gate).toHaveAttribute('data-session-flow-state', 'stuck');
  await expect(gate).toContainText(STUCK_MESSAGE);
  // The polite live region announces it too (the visible copy is hidden from screen readers).
  await expect(page.getByRole('status')).toContainText(STUCK_MESSAGE);
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await expect(page.getByTestId('user-id')).toHaveCount(0);
  const stuckPath = ['refreshing', 'reloading.soft', 'refreshing', 'reloading.soft', 'stuck'];
  expect(await statesSince(page, mark)).toEqual(stuckPath);

  // Time is the subject: nothing may happen while the user has not chosen.
  await page.waitForTimeout(LOOP_WATCH_MS);
  expect(await statesSince(page, mark)).toEqual(stuckPath);
  expect(requests.ofKindSince('refresh', requestMark).map((r) => r.status)).toEqual(Array(RECOVERY_BUDGET).fill(200));
  expect(requests.ofKindSince('document', requestMark), 'no document reload').toHaveLength(1);
  expect(requests.ofKindSince('data', requestMark), 'one soft re-run per refresh').toHaveLength(RECOVERY_BUDGET);
  expect(fault.stripped()).toBe(1 + RECOVERY_BUDGET);
  await expect(gate).toHaveAttribute('data-session-flow-state', 'stuck');

  // Once the cookie reaches the server again, "Try again" recovers without a reload.
  fault.repair();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  await expect
    .poll(() => statesSince(page, mark))
    .toEqual([...stuckPath, 'refreshing', 'reloading.soft', 'authenticated']);
  expect(requests.ofKindSince('document', requestMark)).toHaveLength(1);
});
