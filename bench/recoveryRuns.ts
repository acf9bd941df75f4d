import type { BrowserContext, Page } from '@playwright/test';
import { benchCookie, type RunSession } from './browserSessions';
import { INSTRUMENT_PAGE, READ_TIMINGS, RUN_COOKIE, START_READY_SIGNAL, VISIBLE_SIGNAL, type PageTimings, type RunRecord } from './recoveryTimings';
import { checkRunSession, cookieValues, explainNoRecovery, PRECONDITIONS, PreconditionError } from './runPreconditions';

/** A protected page, and the bench's start page on the same origin that links to it. */
export interface RunTarget {
  url: string;
  startUrl: string;
}

/** One tab for every run: the HTTP cache and connections stay warm, as for a returning user. */
export interface RunTab {
  context: BrowserContext;
  page: Page;
}

/** A client navigation's outcome: whether it needed a refresh (a page that refreshed ahead of time did not). */
export interface NavigationTimings {
  timings: PageTimings;
  recoveryStarted: boolean;
}

/** The server compares `exp` (seconds) with its clock: stay a little past it. */
export const EXPIRY_MARGIN_MS = 300;
/** Slow 3G with a document reload takes a few seconds; a run that takes this long has failed. */
const CONTENT_TIMEOUT_MS = 30_000;

export async function prepareTab(context: BrowserContext): Promise<RunTab> {
  await context.addInitScript(INSTRUMENT_PAGE);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/**
 * A deep link with an expired access token: the protected page opened from a blank page, as a
 * link from elsewhere opens it. The run fails, saying why, when the page showed its content
 * without asking for a refresh.
 */
export async function deepLinkRun(tab: RunTab, target: RunTarget, session: RunSession): Promise<PageTimings> {
  await openRun(tab, session, { mustHaveExpired: true });
  const firstRequest = tab.page.waitForRequest((request) => request.url() === target.url, { timeout: CONTENT_TIMEOUT_MS }).catch(() => null);
  const requestedAt = Date.now();
  const visible = signal(tab.page, VISIBLE_SIGNAL);
  await tab.page.goto(target.url, { waitUntil: 'commit' });
  const record = await contentRecord(tab.page, visible);
  if (!record.recoveryStarted) {
    const sent = cookieValues(await (await firstRequest)?.headerValue('cookie'), 'sAccessToken');
    const failure = explainNoRecovery(sent, session, requestedAt);
    throw new PreconditionError(failure.precondition, failure.detail);
  }
  return record.timings;
}

/**
 * A client navigation after expiry: the start page opened while the session is valid, left alone
 * until the access token has expired, then a click on its link to the protected page.
 */
export async function clientNavigationRun(tab: RunTab, target: RunTarget, session: RunSession): Promise<NavigationTimings> {
  await openRun(tab, session, { mustHaveExpired: false });
  await openStartPage(tab.page, target.startUrl);
  await sleepUntil(session.expiresAtMs + EXPIRY_MARGIN_MS);
  return navigate(tab.page, target);
}

/**
 * The limit of a recovery, measured as its parts: one refresh (from the start page), then a client
 * navigation to the protected page with the valid session it left.
 */
export async function validNavigationRun(tab: RunTab, target: RunTarget, session: RunSession): Promise<{ refreshMs: number; navigationMs: number }> {
  await openRun(tab, session, { mustHaveExpired: false });
  await openStartPage(tab.page, target.startUrl);
  const refreshed = await tab.page.evaluate<{ ok: boolean; refreshMs: number }>(REFRESH_SESSION);
  if (!refreshed.ok) throw new PreconditionError(PRECONDITIONS.refreshedBeforeNavigation, 'the refresh request did not answer 200');
  const { timings, recoveryStarted } = await navigate(tab.page, target);
  if (recoveryStarted) throw new PreconditionError(PRECONDITIONS.noRefreshDuringValidNavigation, 'a refresh started after the click');
  return { refreshMs: refreshed.refreshMs, navigationMs: timings.userFeltMs };
}

/**
 * The previous run's document goes first, then the cookies change: a document still open when
 * they change may act on the new session (refresh it with its refresh token), and both ports
 * share the browser's cookies. Then the browser must hold exactly the run's session.
 */
async function openRun(tab: RunTab, session: RunSession, { mustHaveExpired }: { mustHaveExpired: boolean }): Promise<void> {
  await tab.page.goto('about:blank');
  await tab.context.clearCookies();
  await tab.context.addCookies([...session.cookies, benchCookie(RUN_COOKIE, `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`)]);
  const accessTokens = (await tab.context.cookies()).filter((cookie) => cookie.name === 'sAccessToken').map((cookie) => cookie.value);
  const failure = checkRunSession({ accessTokens, nowMs: Date.now() }, { ...session, mustHaveExpired });
  if (failure) throw new PreconditionError(failure.precondition, failure.detail);
}

async function openStartPage(page: Page, startUrl: string): Promise<void> {
  const ready = signal(page, START_READY_SIGNAL);
  await page.goto(startUrl, { waitUntil: 'commit' });
  try {
    await ready;
  } catch {
    throw new PreconditionError(PRECONDITIONS.startPageReady, `${startUrl} did not say it was ready; the tab is at ${page.url()}`);
  }
}

async function navigate(page: Page, target: RunTarget): Promise<NavigationTimings> {
  const visible = signal(page, VISIBLE_SIGNAL);
  const path = new URL(target.url).pathname;
  const clicked = await page.evaluate<boolean>(`(${CLICK_LINK})(${JSON.stringify(path)})`);
  if (!clicked) throw new PreconditionError(PRECONDITIONS.startPageReady, `${target.startUrl} has no link to ${path}`);
  return contentRecord(page, visible);
}

async function contentRecord(page: Page, visible: Promise<unknown>): Promise<NavigationTimings> {
  try {
    await visible;
  } catch {
    throw new PreconditionError(PRECONDITIONS.contentShown, `no content within ${CONTENT_TIMEOUT_MS / 1000} s; the tab is at ${page.url()}`);
  }
  const record = await page.evaluate<RunRecord>(READ_TIMINGS);
  if ('missing' in record) throw new PreconditionError(PRECONDITIONS.contentShown, record.missing);
  return record;
}

/** Waits for a console message, touching nothing in the page meanwhile. */
function signal(page: Page, text: string): Promise<unknown> {
  const message = page.waitForEvent('console', { predicate: (m) => m.text() === text, timeout: CONTENT_TIMEOUT_MS });
  message.catch(() => {}); // awaited later, or not at all when the run fails before
  return message;
}

function sleepUntil(timeMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, timeMs - Date.now())));
}

/** Starts the run's clock and clicks the start page's link to `path` (strings, for the same reason as INSTRUMENT_PAGE). */
const CLICK_LINK = `(path) => {
  const link = document.querySelector('a[href="' + path + '"]');
  if (!link) return false;
  window.benchRun.startNavigation();
  link.click();
  return true;
}`;

/**
 * One refresh request, through the page's `fetch`, which SuperTokens' interceptor wraps: it adds
 * the SDK's headers and saves what the answer carries (front token, time of the update), so the
 * SDK knows the session is fresh. Then the network time of that request.
 */
const REFRESH_SESSION = `(async () => {
  const response = await fetch('/api/auth/session/refresh', { method: 'POST' });
  await response.text();
  await new Promise((resolve) => setTimeout(resolve, 0));
  const entry = performance.getEntriesByType('resource').filter((e) => e.name.includes('/session/refresh')).pop();
  return { ok: response.ok, refreshMs: entry ? entry.responseEnd - entry.startTime : NaN };
})()`;
