import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { assertChromiumInstalled, CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';
import type { BenchCookie } from './signUp';
import { median, round } from './stats';

export interface RecoveryVariant {
  name: string;
  url: string;
}

export interface RecoveryResult {
  /** Median ms per variant, from the start of recovery (refresh lock included) to content visible. */
  medianMs: Record<string, number>;
  /** One refresh request plus one server-props fetch, as measured during the first variant's runs. */
  floorMs: number;
}

/**
 * Each iteration drops the access-token cookie (what expiry amounts to for the server), loads a
 * protected page and times recovery start → content visible, for every variant, in rotating order.
 */
export async function measureRecoveryTime(
  variants: RecoveryVariant[],
  cookies: BenchCookie[],
  iterations = 9,
): Promise<RecoveryResult> {
  assertChromiumInstalled();
  const profile = mkdtempSync(path.join(tmpdir(), 'ssr-session-flow-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    await context.addCookies(cookies.map((cookie) => ({ ...cookie, domain: 'localhost', sameSite: 'Lax' as const })));
    await context.addInitScript(INSTRUMENT_PAGE);
    const runs = new Map<string, number[]>(variants.map((variant) => [variant.name, []]));
    const floor: number[] = [];
    for (const variant of variants) await recover(context, variant.url); // warm-up: caches, JIT
    for (let i = 0; i < iterations; i += 1) {
      const order = variants.map((_, k) => variants[(k + i) % variants.length]!);
      for (const variant of order) {
        const run = await recover(context, variant.url);
        runs.get(variant.name)!.push(run.recoveryMs);
        if (variant === variants[0]) floor.push(run.refreshMs + run.serverPropsMs);
      }
    }
    return {
      medianMs: Object.fromEntries([...runs].map(([name, values]) => [name, round(median(values), 1)])),
      floorMs: round(median(floor), 1),
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Timed inside the page, not from the test runner: Playwright notices new content tens of ms
 * late, which would pad both sides and hide the difference. The refresh start is kept in
 * sessionStorage because the docs recipe measures across a document reload. Both variants set the
 * same User Timing mark when they start recovering (before SuperTokens takes its refresh lock). A string, not a
 * function: the TypeScript loader would add helpers to a function's source that the page lacks.
 */
const INSTRUMENT_PAGE = `
  (() => {
    const now = () => performance.timeOrigin + performance.now();
    const mark = performance.mark.bind(performance);
    performance.mark = (name, options) => {
      if (name === 'session-flow:refresh-start') sessionStorage.setItem('bench:refreshStartedAt', String(now()));
      return mark(name, options);
    };
    new MutationObserver((records, observer) => {
      if (!document.querySelector('[data-testid="user-id"]')) return;
      window.benchVisibleAt = now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  })();
`;

async function recover(context: BrowserContext, url: string) {
  await context.clearCookies({ name: 'sAccessToken' });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('[data-testid="user-id"]').waitFor({ timeout: 15_000 });
  const result = await page.evaluate<PageTimings | string>(READ_TIMINGS);
  if (typeof result === 'string') throw new Error(`${url}: ${result}`);
  return result;
}

interface PageTimings {
  recoveryMs: number;
  refreshMs: number;
  serverPropsMs: number;
}

const READ_TIMINGS = `
  (() => {
    const started = Number(sessionStorage.getItem('bench:refreshStartedAt'));
    sessionStorage.removeItem('bench:refreshStartedAt');
    if (!started) return 'recovery never started; the access token was not dropped';
    const resource = (part) => performance.getEntriesByType('resource').find((entry) => entry.name.includes(part));
    const duration = (entry) => (entry ? entry.responseEnd - entry.startTime : NaN);
    return {
      recoveryMs: (window.benchVisibleAt ?? NaN) - started,
      refreshMs: duration(resource('/api/auth/session/refresh')),
      serverPropsMs: duration(resource('/_next/data/')),
    };
  })()
`;
