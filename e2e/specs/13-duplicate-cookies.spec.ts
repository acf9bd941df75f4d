import type { BrowserContext, Page } from '@playwright/test';
import { addStaleDuplicateCookie } from 'ssr-session-flow/testing/playwright';
import { waitForAccessTokenExpiry } from '../support/accessToken';
import { signInThroughApi, signInThroughUI, signUpThroughUI, type Credentials } from '../support/auth';
import { addParentDomainAccessToken } from '../support/faults';
import { expect, test } from '../support/fixtures';
import { clickWhenHydrated } from '../support/hydration';
import { statesSince, traceMark } from '../support/sessionTrace';
import { APP_ORIGIN } from '../e2eEnv';

/**
 * A second `sAccessToken` the browser sends beside SuperTokens' own (path `/`): left on a narrower
 * path by an old deployment or another app on the host, or set on a parent domain. The server
 * reads the request with the one that verifies, expires the stale ones its responses can reach
 * (the request's path prefixes; the refresh call also clears those of the page that asked for
 * it), and refuses to choose between two sessions. Nobody is stranded, and signing in again always
 * ends on content.
 */

/** Not a token of this core: what an old deployment with other keys leaves behind. */
const FOREIGN_TOKEN = 'left-by-an-older-deployment';

interface StalePlace {
  name: string;
  /** Where the stale cookie sits. */
  path: string;
  /** The protected page the user goes to, and how. */
  target: string;
  arrive: (page: Page) => Promise<void>;
  /** The stale token's value: the user's own expired token, or one this core never signed. */
  stale: 'own-expired-token' | 'foreign';
}

const byDocument = (target: string) => (page: Page) => page.goto(target, { waitUntil: 'load' }).then(() => undefined);
const byHeaderLink = (name: string) => (page: Page) => clickWhenHydrated(page.getByRole('navigation').getByRole('link', { name, exact: true }));

const STALE_PLACES: StalePlace[] = [
  { name: 'pages router, /_next/data (a client navigation)', path: '/_next/data', target: '/account', arrive: byHeaderLink('Account'), stale: 'own-expired-token' },
  { name: 'pages router, /api (the refresh call carries it)', path: '/api', target: '/account', arrive: byDocument('/account'), stale: 'foreign' },
  { name: 'pages router, the page’s own path', path: '/account', target: '/account', arrive: byDocument('/account'), stale: 'foreign' },
  { name: 'App Router, a path prefix', path: '/app-router', target: '/app-router/account', arrive: byDocument('/app-router/account'), stale: 'foreign' },
  { name: 'App Router, the page’s own path', path: '/app-router/account', target: '/app-router/account', arrive: byDocument('/app-router/account'), stale: 'own-expired-token' },
];

for (const place of STALE_PLACES) {
  test(`a stale access token on ${place.name}: recovered, cleared, and signing in again ends on content`, async ({ page, context }) => {
    const user = await signUpThroughUI(page);
    const ownToken = await accessTokenAt(context, '/');
    await waitForAccessTokenExpiry(context);
    const stale = place.stale === 'foreign' ? FOREIGN_TOKEN : ownToken;
    await addStaleDuplicateCookie(page, { path: place.path, value: stale });
    const mark = await traceMark(page);

    await place.arrive(page);

    await expect(page).toHaveURL((url) => url.pathname === place.target);
    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    expect(await statesSince(page, mark)).not.toContain('stuck');
    await expect.poll(() => accessTokenPaths(context), 'the server expired the stale cookie').toEqual(['/']);

    // Whatever left it may leave it again: signing in again must not lead back into it.
    await addStaleDuplicateCookie(page, { path: place.path, value: stale });
    await signOutAndInAgain(page, user);
    if (place.target.startsWith('/app-router')) await page.goto('/app-router', { waitUntil: 'load' });
    const afterSignIn = await traceMark(page);
    await place.arrive(page);

    await expect(page).toHaveURL((url) => url.pathname === place.target);
    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    expect(await statesSince(page, afterSignIn)).not.toContain('stuck');
  });
}

for (const target of ['/account', '/app-router/account']) {
  test(`an access token on a parent domain, which no response can expire, never strands anyone (${target})`, async ({ page, context }) => {
    const user = await signUpThroughUI(page);
    await waitForAccessTokenExpiry(context);
    const parentDomain = await addParentDomainAccessToken(page, FOREIGN_TOKEN);
    const mark = await traceMark(page);

    await page.goto(target, { waitUntil: 'load' });

    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    expect(await statesSince(page, mark)).not.toContain('stuck');
    await waitForAccessTokenExpiry(context);
    await page.reload({ waitUntil: 'load' });
    await expect(page.getByTestId('user-id'), 'a second expiry recovers as well').toHaveText(user.userId);

    await signOutAndInAgain(page, user);
    await page.goto(target, { waitUntil: 'load' });
    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    expect(parentDomain.carried()).toBeGreaterThan(0);
  });
}

for (const target of ['/account', '/app-router/account']) {
  test(`another user's valid token on the page's path is refused, never chosen (${target})`, async ({ page, context }) => {
    const user = await signUpThroughUI(page);
    const answers = recordAnswerBodies(page);
    const planted = await signInThroughApi();
    await addStaleDuplicateCookie(page, { path: target, value: planted.accessToken });

    await page.goto(target, { waitUntil: 'load' });

    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    await expect.poll(() => accessTokenPaths(context), 'the planted cookie is expired').toEqual(['/']);
    const bodies = await answers.settled();
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.filter((body) => body.includes(planted.userId)), 'no answer carried the planted user').toEqual([]);
    await expect(page.getByText(planted.userId)).toHaveCount(0);
  });
}

async function accessTokenAt(context: BrowserContext, path: string): Promise<string> {
  const cookie = (await context.cookies(APP_ORIGIN)).find((c) => c.name === 'sAccessToken' && c.path === path);
  if (!cookie) throw new Error(`No sAccessToken on ${path}`);
  return cookie.value;
}

/** The paths of every access-token cookie in the jar, whatever URL would carry it. */
async function accessTokenPaths(context: BrowserContext): Promise<string[]> {
  return (await context.cookies()).filter((c) => c.name === 'sAccessToken' && c.value).map((c) => c.path);
}

async function signOutAndInAgain(page: Page, user: Credentials): Promise<void> {
  await clickWhenHydrated(page.getByRole('button', { name: 'Sign out' }));
  await expect(page).toHaveURL((url) => url.pathname === '/auth');
  await signInThroughUI(page, user);
  await expect(page.getByTestId('user-id')).toBeVisible();
}

/**
 * Every answer of the app the page got in full (documents, data, server components, API). Only
 * finished requests are read: a streamed answer still open would hold the reading up.
 */
function recordAnswerBodies(page: Page) {
  const bodies: Array<Promise<string>> = [];
  page.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname.startsWith('/_next/static/')) return;
    bodies.push(request.response().then((response) => response?.text() ?? '').catch(() => ''));
  });
  return { settled: () => Promise.all(bodies) };
}
