import type { Page } from '@playwright/test';
import { signUpThroughUI } from '../support/auth';
import { ACCESS_TOKEN_LIFETIME_SECONDS } from '../e2eEnv';
import { expect, test } from '../support/fixtures';
import { loadingShellSightings } from '../support/loadingShellWatch';
import { expectEachTokenRefreshedOnce } from '../support/refreshesAhead';
import { statesSince, traceMark } from '../support/sessionTrace';

const LIFETIME_MS = ACCESS_TOKEN_LIFETIME_SECONDS * 1_000;

test.use({ visibleTabs: true });
const LIFETIMES = 3;

type Stop = readonly [link: string, path: string];
/** Each tab goes back and forth between two protected pages of its router, through its header's links. */
const ROUNDS: ReadonlyArray<readonly [Stop, Stop]> = [
  [['Account', '/account'], ['Activity', '/activity']],
  [['Home', '/'], ['Account', '/account']],
  [['Account', '/app-router/account'], ['Streamed', '/app-router/streamed']],
];

/**
 * An active user never meets an expired access token: each visible tab refreshes it shortly before
 * it expires, one tab for all (the others find the fresh token when their turn comes, or wait for
 * the lock and find it then). Three tabs, both routers, navigating throughout three lifetimes.
 */
test('three tabs in use over three access-token lifetimes: content on every navigation, never a recovery, at most one refresh per lifetime for all of them', async ({
  page,
  context,
  requests,
}) => {
  const user = await signUpThroughUI(page);
  const tabs = [page, await context.newPage(), await context.newPage()];
  for (const [index, [[, start]]] of ROUNDS.entries()) {
    await tabs[index]?.goto(start, { waitUntil: 'load' });
    await expect(tabs[index]!.getByTestId('user-id')).toHaveText(user.userId);
  }
  const traceMarks = await Promise.all(tabs.map((tab) => traceMark(tab)));
  // What the tabs met while they opened (a token that expired meanwhile on a busy machine) is not
  // what this spec is about: only what comes after this point counts.
  const sightingsBefore = await Promise.all(tabs.map(async (tab) => (await loadingShellSightings(tab)).length));
  const requestMark = requests.mark();
  const startedAt = Date.now();

  let navigations = 0;
  while (Date.now() - startedAt < LIFETIMES * LIFETIME_MS) {
    for (const [index, stops] of ROUNDS.entries()) {
      const tab = tabs[index]!;
      const [link, path] = stops[(navigations + 1) % 2]!;
      await tab.getByRole('banner').getByRole('link', { name: link, exact: true }).click();
      await expect(tab).toHaveURL((url) => url.pathname === path);
      await expect(tab.getByTestId('user-id'), `${path}: content`).toHaveText(user.userId);
    }
    navigations += 1;
  }
  const elapsedMs = Date.now() - startedAt;

  for (const [index, tab] of tabs.entries()) {
    expect((await loadingShellSightings(tab)).slice(sightingsBefore[index]), `${tab.url()}: never a loading screen`).toEqual([]);
    const states = await statesSince(tab, traceMarks[index]);
    expect(states.filter((state) => state !== 'authenticated' && state !== 'revalidating'), `${tab.url()}: never a recovery`).toEqual([]);
  }
  const refreshes = requests.ofKindSince('refresh', requestMark);
  expect(refreshes.length, 'the token was refreshed ahead, or the navigations would have met it expired').toBeGreaterThanOrEqual(LIFETIMES - 1);
  await expectEachTokenRefreshedOnce(refreshes, LIFETIME_MS, (tab) => `tab ${tabs.indexOf(tab as Page) + 1}`);
  expect(refreshes.length, `one refresh per token in ${elapsedMs} ms`).toBeLessThanOrEqual(Math.floor(elapsedMs / (LIFETIME_MS * 0.7)) + 1);
  expect(navigations * ROUNDS.length).toBeGreaterThan(LIFETIMES * ROUNDS.length);
});
