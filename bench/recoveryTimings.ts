/** What one recovery run measured inside the page. */
export interface PageTimings {
  /** Recovery start (the earlier of the refresh mark and the refresh request) → content visible. */
  recoveryMs: number;
  /** Start of the navigation that opened the page (a deep link) → content visible. */
  userFeltMs: number;
  /** Network time of the refresh request (resource timing); NaN across a document reload. */
  refreshMs: number;
  /** Network time of the server-props (`/_next/data/`) or server-components (`?_rsc=`) request; NaN when there is none. */
  serverPropsMs: number;
}

/** Logged once the content is visible: the runner waits for it without touching the page. */
export const VISIBLE_SIGNAL = 'bench:content-visible';

/**
 * Runs first in every document the bench opens. Timed inside the page, not from the test runner:
 * Playwright notices new content tens of ms late, which would pad every variant alike and hide the
 * difference; and it only listens for a console message meanwhile, because a locator or a
 * function polled in the page runs Playwright's own script on the page's main thread (about 7 ms
 * of it, in the middle of the recovery). Start times live in sessionStorage because the docs recipe recovers across a
 * document reload; the first document of a run sets the navigation start, and the earliest of
 * the refresh mark (set by both the session flow and the recipe before SuperTokens takes its lock)
 * and the refresh request itself is the recovery start, so work done before the mark still counts.
 *
 * A string, not a function: the TypeScript loader would add helpers to a function's source that
 * the page lacks.
 */
export const INSTRUMENT_PAGE = `
  (() => {
    const now = () => performance.timeOrigin + performance.now();
    const keep = (key, value) => {
      const before = Number(sessionStorage.getItem(key));
      if (!before || value < before) sessionStorage.setItem(key, String(value));
    };
    keep('bench:navigationStart', performance.timeOrigin);
    const mark = performance.mark.bind(performance);
    performance.mark = (name, options) => {
      if (name === 'session-flow:refresh-start') keep('bench:recoveryStart', now());
      return mark(name, options);
    };
    const fetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.includes('/session/refresh')) keep('bench:recoveryStart', now());
      return fetch(input, init);
    };
    new MutationObserver((records, observer) => {
      if (!document.querySelector('[data-testid="user-id"]')) return;
      window.benchVisibleAt = now();
      observer.disconnect();
      console.debug('${VISIBLE_SIGNAL}');
    }).observe(document, { childList: true, subtree: true });
  })();
`;

/** Reads (and clears) one run's timings once the content is visible; a string says what went wrong. */
export const READ_TIMINGS = `
  (() => {
    const take = (key) => {
      const value = Number(sessionStorage.getItem(key));
      sessionStorage.removeItem(key);
      return value;
    };
    const navigationStart = take('bench:navigationStart');
    const recoveryStart = take('bench:recoveryStart');
    if (!recoveryStart) return 'recovery never started: the access token had not expired';
    const visibleAt = window.benchVisibleAt ?? NaN;
    const resource = (part) => performance.getEntriesByType('resource').find((entry) => entry.name.includes(part));
    const duration = (entry) => (entry ? entry.responseEnd - entry.startTime : NaN);
    // The App Router's refresh of this page's server components, not a link's prefetch of another.
    const refresh = resource('/api/auth/session/refresh');
    const serverComponents = performance.getEntriesByType('resource').find((entry) =>
      entry.name.includes('_rsc=') && new URL(entry.name).pathname === location.pathname && (!refresh || entry.startTime >= refresh.startTime));
    return {
      recoveryMs: visibleAt - recoveryStart,
      userFeltMs: visibleAt - navigationStart,
      refreshMs: duration(refresh),
      // The pages router's server props, or the App Router's server components (router.refresh()).
      serverPropsMs: duration(resource('/_next/data/') ?? serverComponents),
    };
  })()
`;
