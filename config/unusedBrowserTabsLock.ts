/**
 * Stands in for `browser-tabs-lock` in the browser bundles of builds whose refresh lock is the Web
 * Locks API (next.config.ts). supertokens-website imports it only to make its default lock, which
 * it makes only when given no `lockFactory`; this app always gives one (config/sessionConfig.ts),
 * and loads browser-tabs-lock itself where Web Locks are missing. 1.4 kB (gzip) off every page.
 */
export default class UnusedBrowserTabsLock {
  constructor() {
    throw new Error(
      'browser-tabs-lock is left out of this build (its refresh lock is the Web Locks API): pass a lockFactory to ' +
        'SuperTokens, or build with NEXT_PUBLIC_SESSION_REFRESH_LOCK=supertokens to use its default lock.',
    );
  }
}
