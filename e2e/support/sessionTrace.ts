import type { Page } from '@playwright/test';
import type { SessionFlowTraceEntry } from '../../lib/core/sessionFlowTrace';

/** Where the trace lives in the tab's sessionStorage (lib/core/sessionFlowTrace.ts). */
export const TRACE_STORAGE_KEY = 'ssr-session-flow:trace';

/**
 * Reads the machine's trace (`window.__sessionFlowTrace`, built with NEXT_PUBLIC_SESSION_FLOW_TRACE=1).
 * It lives in the tab's sessionStorage across document reloads, so a mark taken before a reload
 * still points at the first entry the reload adds.
 */
export async function readTrace(page: Page): Promise<SessionFlowTraceEntry[]> {
  // Until the gate's effect ran in this document the trace is not exposed yet: wait for it.
  await page.waitForFunction(() => Array.isArray(window.__sessionFlowTrace));
  // The tab's storage, not the document's copy: a page restored from the back/forward cache
  // comes back with the copy it had when it was left.
  return page.evaluate((key) => {
    const stored = sessionStorage.getItem(key);
    return stored ? (JSON.parse(stored) as SessionFlowTraceEntry[]) : (window.__sessionFlowTrace ?? []);
  }, TRACE_STORAGE_KEY);
}

/** Position after the last settled state so far; pass it to `statesSince`. */
export async function traceMark(page: Page): Promise<number> {
  return (await readTrace(page)).length;
}

/** The states the machine settled in since `mark`, e.g. `['refreshing', 'reloading.soft', 'authenticated']`. */
export async function statesSince(page: Page, mark = 0): Promise<string[]> {
  return (await readTrace(page)).slice(mark).map((entry) => entry.state);
}

/** The entries (state, path, time) since `mark`. */
export async function entriesSince(page: Page, mark = 0): Promise<SessionFlowTraceEntry[]> {
  return (await readTrace(page)).slice(mark);
}

/** The same, each as `state@path`, e.g. `['refreshing@/account', 'redirecting@/auth']`. */
export async function statesAndPathsSince(page: Page, mark = 0): Promise<string[]> {
  return (await entriesSince(page, mark)).map((entry) => `${entry.state}@${entry.path}`);
}
