import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { assertChromiumInstalled, CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';
import type { BenchCookie } from './signUp';
import { median, round } from './stats';

export interface RecoveryResult {
  /** Median ms from the start of recovery (refresh lock included) to the protected content being visible. */
  oursMs: number;
  docsRecipeMs: number;
  /** One refresh request plus one server-props fetch, as measured during our runs. */
  floorMs: number;
  /** ours ÷ docs recipe; the target is <= 0.5. */
  ratioToRecipe: number;
  ratioToFloor: number;
}


/**
 * Each iteration drops the access-token cookie (what expiry amounts to for the server), loads the
 * protected page and times refresh-start → content visible, for our flow and for the SuperTokens
 * docs recipe, in alternating order.
 */
export async function measureRecoveryTime(origin: string, cookies: BenchCookie[], iterations = 8): Promise<RecoveryResult> {
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
    const ours: number[] = [];
    const recipe: number[] = [];
    const floor: number[] = [];
    await recover(context, `${origin}/bench/protected`); // warm-up: caches, JIT
    await recover(context, `${origin}/bench/docs-recipe`);
    for (let i = 0; i < iterations; i += 1) {
      const order = i % 2 ? (['recipe', 'ours'] as const) : (['ours', 'recipe'] as const);
      for (const variant of order) {
        const run = await recover(context, `${origin}/bench/${variant === 'ours' ? 'protected' : 'docs-recipe'}`);
        if (variant === 'ours') {
          ours.push(run.recoveryMs);
          floor.push(run.refreshMs + run.serverPropsMs);
        } else {
          recipe.push(run.recoveryMs);
        }
      }
    }
    const oursMs = median(ours);
    const docsRecipeMs = median(recipe);
    const floorMs = median(floor);
    return {
      oursMs: round(oursMs, 1),
      docsRecipeMs: round(docsRecipeMs, 1),
      floorMs: round(floorMs, 1),
      ratioToRecipe: round(oursMs / docsRecipeMs),
      ratioToFloor: round(oursMs / floorMs),
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
