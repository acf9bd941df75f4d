import type { BrowserContext, Page, Route } from '@playwright/test';
import { failRefresh } from 'ssr-session-flow/testing/playwright';
import { REFRESH_PATH } from './requestLog';

const ACCESS_TOKEN_COOKIE = 'sAccessToken';

export interface RefreshOutage {
  /** Lets refresh requests through again (the "network" is back). */
  restore(): void;
}

/**
 * The network drops for the refresh call only: Chromium fails it as if the connection were gone
 * (`TypeError: Failed to fetch` in the page), while page loads keep working (the kit's `failRefresh`).
 */
export async function dropRefreshRequests(page: Page): Promise<RefreshOutage> {
  const fault = await failRefresh(page, { abort: 'internetdisconnected' });
  return { restore: () => fault.restore() };
}

export interface HeldRefresh {
  /** Resolves once the page has sent a refresh request (it is being held). */
  sent: Promise<void>;
  /** Lets the held refresh requests, and every later one, go on. */
  release(): void;
}

/** A refresh the test answers when it chooses: each request waits until `release()`. */
export async function holdRefreshRequests(page: Page): Promise<HeldRefresh> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let sent = () => {};
  const sentOnce = new Promise<void>((resolve) => {
    sent = resolve;
  });
  await page.route(
    (url) => url.pathname === REFRESH_PATH,
    async (route) => {
      sent();
      await released;
      await route.fallback();
    },
  );
  return { sent: sentOnce, release };
}

export interface CookieFault {
  /** Page requests that reached the server without the access token. */
  stripped(): number;
  /** Stops stripping the cookie. */
  repair(): void;
}

/**
 * A server that keeps rejecting a freshly refreshed session, as with a cookie that never reaches
 * it (wrong cookie domain or path, a proxy dropping it): every document and `_next/data` request
 * of `page` is sent without `sAccessToken`, while the refresh call keeps working. Chromium does
 * not let a route override the Cookie header, so the request is replayed by Playwright with the
 * jar's cookies minus the access token, and its answer fulfilled to the page.
 */
export async function dropAccessTokenFromPageRequests(page: Page): Promise<CookieFault> {
  let active = true;
  let stripped = 0;
  const handle = async (route: Route) => {
    const request = route.request();
    const isPageRequest = request.isNavigationRequest() || new URL(request.url()).pathname.startsWith('/_next/data/');
    if (!active || !isPageRequest) return route.fallback();
    const jar = await page.context().cookies(request.url());
    const cookie = jar
      .filter((c) => c.name !== ACCESS_TOKEN_COOKIE)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    stripped += 1;
    const response = await route.fetch({ headers: { ...request.headers(), cookie }, maxRedirects: 0 });
    return route.fulfill({ response });
  };
  await page.route((url) => !url.pathname.startsWith('/_next/static/') && !url.pathname.startsWith('/api/'), handle);
  return {
    stripped: () => stripped,
    repair: () => {
      active = false;
    },
  };
}

export interface ParentDomainCookie {
  /** Requests that reached the server with the extra cookie in front. */
  carried(): number;
  /** Stops adding it (the other app cleared its cookie). */
  remove(): void;
}

/**
 * An `sAccessToken` set on a parent domain by another app (`Domain=.example.com`), which the app's
 * responses can never expire: every request to the app carries it, first. Chromium keeps a cookie
 * for `localhost` host-only whatever its Domain says, so the cookie is added to each request as it
 * is replayed (see `dropAccessTokenFromPageRequests`): the server sees the header a browser on a
 * real parent domain would send, the refresh call included.
 */
export async function addParentDomainAccessToken(page: Page, value: string): Promise<ParentDomainCookie> {
  let active = true;
  let carried = 0;
  const handle = async (route: Route) => {
    if (!active) return route.fallback();
    carried += 1;
    return replayWithCookieInFront(route, page.context(), `${ACCESS_TOKEN_COOKIE}=${value}`);
  };
  await page.route((url) => !url.pathname.startsWith('/_next/static/'), handle);
  return {
    carried: () => carried,
    remove: () => {
      active = false;
    },
  };
}

/**
 * Replays a routed request with `cookie` before the jar's own cookies (Chromium does not let a
 * route change the Cookie header) and hands its answer to the page; a request whose page moved
 * on meanwhile (a cancelled prefetch, a navigation) is let go.
 */
export async function replayWithCookieInFront(route: Route, context: BrowserContext, cookie: string): Promise<void> {
  const request = route.request();
  const jar = await context.cookies(request.url());
  const header = [cookie, ...jar.map((c) => `${c.name}=${c.value}`)].join('; ');
  try {
    const response = await route.fetch({ headers: { ...request.headers(), cookie: header }, maxRedirects: 0 });
    await route.fulfill({ response });
  } catch {
    await route.abort('aborted').catch(() => undefined);
  }
}
