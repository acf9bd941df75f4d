import type { BrowserContext, Page, Route } from '@playwright/test';
import { refreshPathOf, type SessionFlowAppPaths } from './appPaths';

const NETWORK_FAILURES = ['internetdisconnected', 'connectionrefused', 'connectionreset', 'timedout', 'failed', 'aborted'] as const;
/** How Chromium fails a request that gets no answer (Playwright's `route.abort` codes). */
export type NetworkFailure = (typeof NETWORK_FAILURES)[number];

export interface FailRefreshOptions extends SessionFlowAppPaths {
  /** Answer each refresh with this HTTP status (an empty body). The default when neither `abort` nor `delayMs` is given: 503. */
  status?: number;
  /** Fail each refresh as the network would, with no answer: `true` is `'internetdisconnected'`. */
  abort?: true | NetworkFailure;
  /** Hold each refresh this long first; with neither `status` nor `abort`, it then goes through (a slow refresh). */
  delayMs?: number;
  /** Only the first `times` refresh calls fail; later ones go through. */
  times?: number;
  /** Only refresh calls sent within `forMs` of this call fail; later ones go through. */
  forMs?: number;
}

export interface RefreshFault {
  /** Refresh calls the fault caught (failed or delayed). */
  caught(): number;
  /** Every refresh call sent since, caught or let through. */
  calls(): number;
  /** Lets every later refresh call through (the network, or the server, is back). */
  restore(): void;
}

/**
 * Makes the app's refresh endpoint (`POST <apiBasePath>/session/refresh`) fail in `target` (one
 * tab, or every tab of a context): with a status, by holding it, or with no answer at all, for
 * a number of calls or for a time. Everything else the pages ask for still works.
 */
export async function failRefresh(target: Page | BrowserContext, options: FailRefreshOptions = {}): Promise<RefreshFault> {
  const fault = describeFault(options);
  const refreshPath = refreshPathOf(options);
  const until = options.forMs === undefined ? Infinity : Date.now() + options.forMs;
  let active = true;
  let calls = 0;
  let caught = 0;
  await target.route(
    (url) => url.pathname === refreshPath,
    async (route: Route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      calls += 1;
      if (!active || Date.now() >= until || caught >= (options.times ?? Infinity)) return route.fallback();
      caught += 1;
      if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.kind === 'abort') return route.abort(fault.failure).catch(() => undefined);
      if (fault.kind === 'status') return route.fulfill({ status: fault.status, body: '' }).catch(() => undefined);
      return route.fallback();
    },
  );
  return {
    caught: () => caught,
    calls: () => calls,
    restore: () => {
      active = false;
    },
  };
}

type Fault = { delayMs: number } & ({ kind: 'status'; status: number } | { kind: 'abort'; failure: NetworkFailure } | { kind: 'slow' });

function describeFault(options: FailRefreshOptions): Fault {
  const delayMs = options.delayMs ?? 0;
  for (const name of ['delayMs', 'times', 'forMs'] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw new TypeError(`failRefresh: ${name} must be a number >= 0, got ${value}.`);
  }
  if (options.status !== undefined && options.abort !== undefined) {
    throw new TypeError('failRefresh: give `status` or `abort`, not both (an aborted request has no status).');
  }
  if (options.status !== undefined) {
    // A 1xx is no answer a refresh can end with: Playwright cannot fulfil a request with one.
    if (!Number.isInteger(options.status) || options.status < 200 || options.status > 599) {
      throw new TypeError(`failRefresh: status must be an HTTP status a response can have (200-599), got ${options.status}.`);
    }
    return { delayMs, kind: 'status', status: options.status };
  }
  if (options.abort !== undefined) {
    const failure = options.abort === true ? 'internetdisconnected' : options.abort;
    if (!NETWORK_FAILURES.includes(failure)) {
      throw new TypeError(`failRefresh: abort must be true or one of ${NETWORK_FAILURES.join(', ')}, got ${JSON.stringify(options.abort)}.`);
    }
    return { delayMs, kind: 'abort', failure };
  }
  return delayMs > 0 ? { delayMs, kind: 'slow' } : { delayMs, kind: 'status', status: 503 };
}
