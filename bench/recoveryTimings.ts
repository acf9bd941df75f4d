export { START_READY_SIGNAL } from '../components/benchStartSignal';

/** What one run measured inside the page, in ms; NaN where a part did not happen. */
export interface PageTimings {
  /** Start of the navigation (a deep link's, or the click of a client navigation) → content visible. */
  userFeltMs: number;
  /** Recovery start (the earliest of the refresh mark, the refresh call and the refresh request) → content visible. */
  recoveryMs: number;
  /** Navigation start → recovery start: the first answer, then the JavaScript that reads it. */
  toRecoveryStartMs: number;
  /** Network time of the first answer: a deep link's document, a client navigation's server props or server components. */
  firstAnswerMs: number;
  /** Network time of the first refresh request after the navigation started. */
  refreshMs: number;
  /**
   * Network time of what brought the content after the refresh: the server props (`/_next/data/`),
   * the server components (`?_rsc=`) or, for a recipe that reloads, the new document.
   */
  reloadMs: number;
  /** End of that request → content visible: the router, React, and whatever else holds the content back. */
  reloadToContentMs: number;
  /** How long the session flow's loading UI was on screen before the content; NaN when it never showed. */
  loadingUiMs: number;
}

/** Logged once the content is visible: the runner waits for it without touching the page. */
export const VISIBLE_SIGNAL = 'bench:content-visible';
/**
 * The cookie that names the run a document belongs to. A document of an earlier run that is still
 * finishing (a late refresh, a `pagehide`) writes under its own run's name, which the current run
 * ignores: session storage outlives a run, per origin, for the whole tab.
 */
export const RUN_COOKIE = 'bench-run';

/**
 * Runs first in every document the bench opens. Timed inside the page, not from the test runner:
 * Playwright notices new content tens of ms late, which would pad every variant alike and hide the
 * difference; and it only listens for a console message meanwhile, because a locator or a
 * function polled in the page runs Playwright's own script on the page's main thread (about 7 ms
 * of it, in the middle of the recovery). A run's record lives in session storage because the docs
 * recipe recovers across a document reload; the first document sets the navigation start, a
 * client navigation resets it at its click (`window.benchRun.startNavigation`).
 *
 * A string, not a function: the TypeScript loader would add helpers to a function's source that
 * the page lacks.
 */
export const INSTRUMENT_PAGE = `
  (() => {
    const runId = (document.cookie.match(/(?:^|; )${RUN_COOKIE}=([^;]*)/) || [])[1];
    if (!runId) return;
    const now = () => performance.timeOrigin + performance.now();
    const read = () => {
      try {
        const record = JSON.parse(sessionStorage.getItem('bench:run') || 'null');
        if (record && record.id === runId) return record;
      } catch {}
      return { id: runId };
    };
    const update = (change) => {
      const record = read();
      change(record);
      sessionStorage.setItem('bench:run', JSON.stringify(record));
    };
    const earliest = (key, value) => update((record) => {
      if (!(record[key] <= value) && !(value < record.navigationStart)) record[key] = value;
    });
    const isRefresh = (url) => url.includes('/session/refresh');
    const resources = () => performance.getEntriesByType('resource').map((entry) => ({
      name: entry.name, start: performance.timeOrigin + entry.startTime, ms: entry.responseEnd - entry.startTime,
      end: performance.timeOrigin + entry.responseEnd,
    }));
    // What this document saw on the network, kept before it goes (the recipe reloads) and read at the end.
    const [navigation] = performance.getEntriesByType('navigation');
    // Read when the document is complete: at its start a streamed document has no responseEnd yet.
    const documentMs = () => (navigation && navigation.responseEnd > 0 ? navigation.responseEnd - navigation.startTime : NaN);
    let role = 'other';
    const collect = () => update((record) => {
      if (role === 'first' && record.firstAnswerMs === undefined) record.firstAnswerMs = documentMs();
      if (role === 'reload' && record.reloadMs === undefined) {
        record.reloadMs = documentMs();
        record.reloadEnd = navigation ? performance.timeOrigin + navigation.responseEnd : undefined;
      }
      const after = (from) => resources().filter((entry) => entry.start >= from);
      const refresh = after(record.navigationStart).find((entry) => isRefresh(entry.name));
      if (refresh && !(record.refreshStart <= refresh.start)) {
        record.refreshStart = refresh.start;
        record.refreshMs = refresh.ms;
      }
      if (refresh && !(record.recoveryStart <= refresh.start)) record.recoveryStart = refresh.start;
      // Server props, or this page's server components, not a prefetch of another page.
      const isReload = (entry) => entry.name.includes('/_next/data/') ||
        (entry.name.includes('_rsc=') && new URL(entry.name).pathname === location.pathname);
      const answers = after(record.navigationStart).filter(isReload);
      if (role !== 'first' && record.firstAnswerMs === undefined && answers[0] && !(answers[0].start > (record.refreshStart ?? Infinity))) {
        record.firstAnswerMs = answers[0].ms;
      }
      const reload = record.refreshStart === undefined ? undefined : after(record.refreshStart).find(isReload);
      if (reload && record.reloadMs === undefined) {
        record.reloadMs = reload.ms;
        record.reloadEnd = reload.end;
      }
    });
    update((record) => {
      if (record.navigationStart === undefined) {
        record.navigationStart = performance.timeOrigin;
        role = 'first';
      } else if (record.recoveryStart !== undefined && record.reloadMs === undefined) {
        role = 'reload';
      }
    });
    addEventListener('pagehide', collect);
    const mark = performance.mark.bind(performance);
    performance.mark = (name, options) => {
      if (name === 'session-flow:refresh-start') earliest('recoveryStart', now());
      return mark(name, options);
    };
    const fetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (isRefresh(url)) earliest('recoveryStart', now());
      return fetch(input, init);
    };
    window.benchRun = {
      collect,
      read,
      startNavigation: () => update((record) => {
        for (const key of Object.keys(record)) if (key !== 'id') delete record[key];
        record.navigationStart = now();
        role = 'other';
      }),
    };
    // The session flow's loading UI carries its state only while it is on screen.
    let loadingSeen = false;
    new MutationObserver((records, observer) => {
      if (!loadingSeen && document.querySelector('[data-session-flow-state]')) {
        loadingSeen = true;
        earliest('loadingShownAt', now());
      }
      if (!document.querySelector('[data-testid="user-id"]')) return;
      const visibleAt = now();
      update((record) => { record.visibleAt = visibleAt; });
      observer.disconnect();
      console.debug('${VISIBLE_SIGNAL}');
    }).observe(document, { childList: true, subtree: true, attributeFilter: ['data-session-flow-state'] });
  })();
`;

/** The run's record as READ_TIMINGS returns it: the timings, or why there are none. */
export type RunRecord = { timings: PageTimings; recoveryStarted: boolean } | { missing: string };

/** Reads one run's timings once the content is visible. */
export const READ_TIMINGS = `
  (() => {
    if (!window.benchRun) return { missing: 'the page was not instrumented (no run cookie)' };
    window.benchRun.collect();
    const record = window.benchRun.read();
    if (record.visibleAt === undefined) return { missing: 'no content seen in this document' };
    const since = (start) => (start === undefined ? NaN : record.visibleAt - start);
    const recoveryStarted = record.recoveryStart !== undefined;
    return {
      recoveryStarted,
      timings: {
        userFeltMs: since(record.navigationStart),
        recoveryMs: since(record.recoveryStart),
        toRecoveryStartMs: recoveryStarted ? record.recoveryStart - record.navigationStart : NaN,
        firstAnswerMs: record.firstAnswerMs ?? NaN,
        refreshMs: record.refreshMs ?? NaN,
        reloadMs: record.reloadMs ?? NaN,
        reloadToContentMs: since(record.reloadEnd),
        loadingUiMs: since(record.loadingShownAt),
      },
    };
  })()
`;
