import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { assertChromiumInstalled, CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';
import { accessTokenExpiry, type BenchCookie } from './browserSessions';
import { median, round } from './stats';
import { INSTRUMENT_PAGE, READ_TIMINGS, VISIBLE_SIGNAL, type PageTimings } from './recoveryTimings';

export interface RecoveryVariant {
  name: string;
  url: string;
}

export interface RecoveryResult {
  /** Median ms per variant, from the start of recovery (refresh lock included) to content visible. */
  recoveryMs: Record<string, number>;
  /** Median ms per variant, from the start of the navigation (a deep link) to content visible. */
  userFeltMs: Record<string, number>;
  /** One refresh request plus one server-props fetch, as measured during the first variant's runs. */
  floorMs: number;
  iterations: number;
  /** Every run's figures per variant, in the order measured, for whoever wants the spread. */
  runs: Record<string, PageTimings[]>;
}

export interface RecoveryOptions {
  iterations: number;
  /** A new session as the browser holds it after signing in (see browserSessions.ts). */
  newSession(): Promise<BenchCookie[]>;
}

/** The server compares `exp` (seconds) with its clock: stay a little past it. */
const EXPIRY_MARGIN_MS = 300;

/**
 * Real expiry: every run gets its own session, signed in beforehand on a core whose access tokens
 * live a few seconds, and starts once that token has really expired (the server sees `expired`,
 * the front token says so too). Each run opens the protected page as a deep link from a blank
 * page, the variants in an order that rotates and reverses between iterations (so none always
 * follows the same one), after one warm-up run each (HTTP and code caches).
 */
export async function measureRecoveryTime(variants: RecoveryVariant[], options: RecoveryOptions): Promise<RecoveryResult> {
  assertChromiumInstalled();
  const runsNeeded = variants.length * (options.iterations + 1);
  const sessions: BenchCookie[][] = [];
  for (let i = 0; i < runsNeeded; i += 1) sessions.push(await options.newSession());
  const lastExpiry = Math.max(...sessions.map(accessTokenExpiry));
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastExpiry + EXPIRY_MARGIN_MS - Date.now())));

  const profile = mkdtempSync(path.join(tmpdir(), 'ssr-session-flow-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    await context.addInitScript(INSTRUMENT_PAGE);
    const runs = new Map<string, PageTimings[]>(variants.map((variant) => [variant.name, []]));
    const floor: number[] = [];
    const nextSession = () => sessions.shift() ?? [];
    for (const variant of variants) await recover(context, variant.url, nextSession());
    for (let i = 0; i < options.iterations; i += 1) {
      const rotated = variants.map((_, k) => variants[(k + i) % variants.length]!);
      const order = i % 2 ? rotated.reverse() : rotated;
      for (const variant of order) {
        const run = await recover(context, variant.url, nextSession());
        runs.get(variant.name)!.push(run);
        if (variant === variants[0]) floor.push(run.refreshMs + run.serverPropsMs);
      }
    }
    const medians = (pick: (run: PageTimings) => number) =>
      Object.fromEntries([...runs].map(([name, values]) => [name, round(median(values.map(pick)), 1)]));
    return {
      recoveryMs: medians((run) => run.recoveryMs),
      userFeltMs: medians((run) => run.userFeltMs),
      floorMs: round(median(floor), 1),
      iterations: options.iterations,
      runs: Object.fromEntries([...runs].map(([name, values]) => [name, values.map(roundTimings)])),
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function roundTimings(run: PageTimings): PageTimings {
  return {
    recoveryMs: round(run.recoveryMs, 1),
    userFeltMs: round(run.userFeltMs, 1),
    refreshMs: round(run.refreshMs, 1),
    serverPropsMs: round(run.serverPropsMs, 1),
  };
}

async function recover(context: BrowserContext, url: string, session: BenchCookie[]): Promise<PageTimings> {
  await context.clearCookies();
  await context.addCookies(session);
  const page = context.pages()[0] ?? (await context.newPage());
  // Every run starts from the same blank page: a variant must not inherit the previous run's
  // document, process or connections (the variants live on two origins).
  await page.goto('about:blank');
  const visible = page.waitForEvent('console', { predicate: (message) => message.text() === VISIBLE_SIGNAL, timeout: 15_000 });
  await page.goto(url, { waitUntil: 'commit' });
  await visible;
  const result = await page.evaluate<PageTimings | string>(READ_TIMINGS);
  if (typeof result === 'string') throw new Error(`${url}: ${result}`);
  return result;
}
