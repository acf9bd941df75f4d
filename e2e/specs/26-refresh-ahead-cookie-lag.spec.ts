import { signUpThroughUI } from '../support/auth';
import { ACCESS_TOKEN_LIFETIME_SECONDS } from '../e2eEnv';
import { expect, test } from '../support/fixtures';
import { expectEachTokenRefreshedOnce } from '../support/refreshesAhead';
import { statesSince, traceMark } from '../support/sessionTrace';

const LIFETIME_MS = ACCESS_TOKEN_LIFETIME_SECONDS * 1_000;
const LIFETIMES = 3;
/** Far longer than Chromium's own lag, so that the race this spec is about happens on every token. */
const COOKIE_LAG_MS = 1_000;

test.use({ visibleTabs: true });

/**
 * Chromium hands a tab the cookies another tab wrote a little later than that tab releases
 * supertokens-website's lock (two writes over two channels): CI saw one token refreshed ahead by
 * two tabs 96 ms apart. The SDK's lock compares the cookies before and after it waits, so a tab
 * that still reads the old ones refreshes the new refresh token again. This tab reads what the
 * other tabs wrote a second late, its own writes at once, and each token is still refreshed once.
 */
test('a tab that reads the other tabs’ cookies a second late never refreshes ahead a token another tab refreshed', async ({ page, context, requests }) => {
  const user = await signUpThroughUI(page);
  const lagging = await context.newPage();
  await lagging.addInitScript(cookieLagScript, COOKIE_LAG_MS);
  await page.goto('/account', { waitUntil: 'load' });
  await lagging.goto('/app-router/account', { waitUntil: 'load' });
  for (const tab of [page, lagging]) await expect(tab.getByTestId('user-id')).toHaveText(user.userId);
  const traceMarks = await Promise.all([page, lagging].map((tab) => traceMark(tab)));
  const requestMark = requests.mark();

  await page.waitForTimeout(LIFETIMES * LIFETIME_MS);

  for (const [index, tab] of [page, lagging].entries()) {
    await expect(tab.getByTestId('user-id'), `${tab.url()}: content`).toHaveText(user.userId);
    const states = await statesSince(tab, traceMarks[index]);
    expect(states.filter((state) => state !== 'authenticated' && state !== 'revalidating'), `${tab.url()}: never a recovery`).toEqual([]);
  }
  const refreshes = requests.ofKindSince('refresh', requestMark);
  expect(refreshes.length, 'the token was refreshed ahead').toBeGreaterThanOrEqual(LIFETIMES - 1);
  await expectEachTokenRefreshedOnce(refreshes, LIFETIME_MS, (tab) => (tab === lagging ? 'the lagging tab' : 'the other tab'));
});

/**
 * In the page, before its scripts: `document.cookie` answers with the cookies as they were `lagMs`
 * ago, except those this tab wrote since, which it reads at once (as Chromium does).
 */
function cookieLagScript(lagMs: number): void {
  const native = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  const readNow = () => native.get!.call(document) as string;
  const samples: Array<{ at: number; cookies: string }> = [{ at: Date.now(), cookies: readNow() }];
  const ownWrites = new Map<string, { at: number; pair: string | null }>();
  setInterval(() => {
    const now = Date.now();
    samples.push({ at: now, cookies: readNow() });
    while (samples.length > 1 && samples[1]!.at <= now - lagMs) samples.shift();
  }, 10);
  const parse = (cookies: string) =>
    new Map(
      cookies
        .split('; ')
        .filter(Boolean)
        .map((pair) => [pair.slice(0, pair.indexOf('=')), pair] as const),
    );
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get() {
      const stale = samples[0]!;
      const cookies = parse(stale.cookies);
      for (const [name, { at, pair }] of ownWrites) {
        if (at < stale.at) continue;
        if (pair === null) cookies.delete(name);
        else cookies.set(name, pair);
      }
      return [...cookies.values()].join('; ');
    },
    set(value: string) {
      native.set!.call(document, value);
      const pair = value.split(';')[0]!.trim();
      const name = pair.slice(0, pair.indexOf('='));
      // What this tab now reads of it: the browser's own answer (an expired cookie is gone).
      ownWrites.set(name, { at: Date.now(), pair: parse(readNow()).get(name) ?? null });
    },
  });
}
