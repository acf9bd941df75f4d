import type { Page } from '@playwright/test';
import type { SessionFlowTraceEntry } from '../../lib/core/sessionFlowTrace';
import { signUpAndLetAccessTokenExpire } from '../support/expiredSession';
import { dropRefreshRequests } from '../support/faults';
import { expect, test } from '../support/fixtures';
import { holdClock, moveClockUntil } from '../support/heldClock';
import type { LoggedRequest } from '../support/requestLog';
import { entriesSince, statesSince } from '../support/sessionTrace';

/** The machine's first retry delay (DEFAULT_RETRY_DELAY.initialMs), doubled per failure, ±20 % jitter. */
const FIRST_RETRY_MS = 1_000;
const JITTER = 0.2;
/**
 * These specs hold the page's clock and move it a step at a time: a retry's delay is then the
 * machine's, not a busy machine's (CI's, loaded, once came 24 ms past the old 250 ms slack). A timer
 * may start up to one step after the state that set it was recorded.
 */
const CLOCK_STEP_MS = 50;

function pathsVisited(page: Page): string[] {
  const paths: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) paths.push(new URL(frame.url()).pathname);
  });
  return paths;
}

async function expectOfflineUI(page: Page): Promise<void> {
  const gate = page.locator('[data-session-flow="loading"]');
  await expect(gate).toHaveAttribute('data-session-flow-state', 'offline');
  await expect(page.getByRole('status')).toHaveText(/offline.*session is safe/i);
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
}

/** The path both specs expect: two refreshes lost to the outage, then recovery without a reload. */
const TWO_FAILED_REFRESHES_THEN_RECOVERED = [
  'refreshing',
  'offline',
  'refreshing',
  'offline',
  'refreshing',
  'reloading.soft',
  'authenticated',
];

test.describe('the network drops during the refresh', () => {
  test('shows the offline UI, retries with backoff, never signs out, and recovers on its own', async ({
    page,
    context,
    requests,
  }) => {
    const { user, traceMark: mark, requestMark } = await signUpAndLetAccessTokenExpire(page, context, requests);
    const outage = await dropRefreshRequests(page);
    const visited = pathsVisited(page);

    await holdClock(page);
    await page.reload({ waitUntil: 'load' });
    // Let the first timed retry fail too, then bring the network back before the second one.
    await moveClockUntil(page, () => timesIn(page, mark, 'offline'), 2, CLOCK_STEP_MS);
    await expectOfflineUI(page);
    const failedRefreshes = requests.ofKindSince('refresh', requestMark).length;
    outage.restore();
    await moveClockUntil(page, () => timesIn(page, mark, 'refreshing'), 3, CLOCK_STEP_MS);
    await page.clock.resume();

    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    const entries = await entriesSince(page, mark);
    expect(entries.map((e) => e.state)).toEqual(TWO_FAILED_REFRESHES_THEN_RECOVERED);
    expectDelayAround(msUntilNext(entries, 1), FIRST_RETRY_MS);
    expectDelayAround(msUntilNext(entries, 3), 2 * FIRST_RETRY_MS);

    expect(visited.filter((path) => path !== '/'), 'never sent to sign-in').toEqual([]);
    expectRefreshesFailedThenOneSucceeded(requests.ofKindSince('refresh', requestMark), failedRefreshes);
    expect(requests.ofKindSince('document', requestMark)).toHaveLength(1);
    expect(requests.ofKindSince('data', requestMark)).toHaveLength(1);
  });

  test('retries at once when the browser comes back online', async ({ page, context, requests }) => {
    const { user, traceMark: mark, requestMark } = await signUpAndLetAccessTokenExpire(page, context, requests);
    const outage = await dropRefreshRequests(page);

    await holdClock(page);
    await page.reload({ waitUntil: 'load' });
    // Wait out the first (1 s) retry so the next timer is 2 s away: room to tell `online` from it.
    await moveClockUntil(page, () => timesIn(page, mark, 'offline'), 2, CLOCK_STEP_MS);
    await expectOfflineUI(page);
    const failedRefreshes = requests.ofKindSince('refresh', requestMark).length;
    outage.restore();
    // A real connectivity change: Chromium fires `offline`, then `online`.
    await context.setOffline(true);
    await context.setOffline(false);
    // The clock stands still: the 2 s timer cannot fire, only `online` can start the retry.
    await expect.poll(() => timesIn(page, mark, 'refreshing'), { message: 'retried on `online`' }).toBe(3);
    await page.clock.resume();

    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    const entries = await entriesSince(page, mark);
    expect(entries.map((e) => e.state)).toEqual(TWO_FAILED_REFRESHES_THEN_RECOVERED);
    expect(msUntilNext(entries, 3), 'retried on `online`, before the 2 s timer could fire').toBeLessThan(
      2 * FIRST_RETRY_MS * (1 - JITTER),
    );
    expectRefreshesFailedThenOneSucceeded(requests.ofKindSince('refresh', requestMark), failedRefreshes);
  });
});

test('after three failed refreshes the offline UI also offers "Sign in again", which signs out and shows the sign-in form', async ({
  page,
  context,
  requests,
}) => {
  const { traceMark: mark } = await signUpAndLetAccessTokenExpire(page, context, requests);
  await dropRefreshRequests(page);
  await page.goto('/account?tab=billing', { waitUntil: 'load' });
  await expectOfflineUI(page);
  await expect(page.getByRole('button', { name: 'Sign in again' }), 'not after one failure').toHaveCount(0);

  // Retries after about 1 s and 2 s more: the third failure comes about 3 s in.
  await expect.poll(() => timesIn(page, mark, 'offline'), { timeout: 6_000 }).toBe(3);
  await expect(page.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in again' }).click();

  await expect(page).toHaveURL((url) => url.pathname === '/auth');
  expect(new URL(page.url()).searchParams.get('redirectToPath')).toBe('/account?tab=billing');
  await expect(page.locator('input[name=email]')).toBeVisible();
});

async function timesIn(page: Page, mark: number, state: string): Promise<number> {
  return (await statesSince(page, mark)).filter((s) => s === state).length;
}

/**
 * Every refresh during the outage failed on the network, then exactly one went through. Counted
 * per request, not per machine attempt: SuperTokensWrapper's own session check also refreshes an
 * expired token on mount, and with the network down that call fails on its own instead of
 * joining the machine's through the SDK's lock.
 */
function expectRefreshesFailedThenOneSucceeded(refreshes: LoggedRequest[], failedCount: number): void {
  const verdicts = refreshes.map((r) => r.failure ?? r.status);
  expect(failedCount).toBeGreaterThanOrEqual(2);
  expect(verdicts).toEqual([...Array<string>(failedCount).fill('net::ERR_INTERNET_DISCONNECTED'), 200]);
}

/** From the trace entry at `index` to the next one; both come from one document, so one clock. */
function msUntilNext(entries: SessionFlowTraceEntry[], index: number): number {
  const from = entries[index];
  const to = entries[index + 1];
  if (!from || !to) throw new Error(`The trace has no entries ${index} and ${index + 1}`);
  return to.at - from.at;
}

/** On the held clock: the jittered delay, plus at most one step (the trace rounds to 1 ms). */
function expectDelayAround(actualMs: number, nominalMs: number): void {
  expect(actualMs).toBeGreaterThanOrEqual(nominalMs * (1 - JITTER) - 1);
  expect(actualMs).toBeLessThanOrEqual(nominalMs * (1 + JITTER) + CLOCK_STEP_MS + 1);
}
