import path from 'node:path';
import fc from 'fast-check';
import type { Browser, Page } from '@playwright/test';
import { signUpThroughUI } from '../support/auth';
import { TRACE_STORAGE_KEY } from '../support/sessionTrace';
import type { SessionFlowTraceEntry } from '../../lib/core/sessionFlowTrace';
import { sessionHandlesOf } from '../support/core';
import { ACCESS_TOKEN_LIFETIME_SECONDS, APP_ORIGIN, REPO_ROOT } from '../e2eEnv';
import { InvariantBroken, PAGES, sleep, soakCommands, waitWatching, type Router, type SoakModel, type SoakSystem } from './commands';
import { watchInvariants, type Violation } from './invariants';
import { installNetworkFaults } from './networkFaults';
import type { RestartableCore } from './soakServer';

/** How long a schedule may take to end once every fault is healed, before its way out is tried. */
const SETTLE_MS = 20_000;
/** How long the way out (Try again, Sign in again, Go to sign in) may take once clicked. */
const WAY_OUT_MS = 20_000;

export interface ScheduleTally {
  commands: number;
  drawn: Record<string, number>;
  faults: Record<string, number>;
  invariantChecks: number;
  ending: string;
}

export interface ScheduleSetup {
  browser: Browser;
  core: RestartableCore;
  router: Router;
  maxCommands: number;
  /** Called once per finished run of the property (the first run and every shrink attempt). */
  onTally: (tally: ScheduleTally) => void;
}

/**
 * One schedule as a fast-check property: a fresh browser context and user, a random sequence of
 * commands on the real app (invariants judged after each, and every 200 ms while waiting), then
 * every fault healed and the ending judged. A failure shrinks to a shorter schedule.
 */
export function scheduleProperty(setup: ScheduleSetup) {
  return fc.asyncProperty(fc.boolean(), fc.boolean(), soakCommands(setup.maxCommands), async (crossesRouters, clockInstalled, commands) => {
    await runSchedule(setup, { router: setup.router, crossesRouters, clockInstalled }, commands);
  });
}

async function runSchedule(setup: ScheduleSetup, model: SoakModel, commands: Iterable<fc.AsyncCommand<SoakModel, SoakSystem>>): Promise<void> {
  const context = await setup.browser.newContext({ baseURL: APP_ORIGIN });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  let checks = 0;
  let system: SoakSystem | undefined;
  let run: Promise<string> | undefined;
  try {
    // Every schedule starts with the core up, whatever the last one left behind (seed 1093's
    // sign-up met "No SuperTokens core available" right after seed 1092 failed mid-restart).
    await setup.core.start();
    if (model.clockInstalled) await context.clock.install();
    const watch = await watchInvariants(context, ACCESS_TOKEN_LIFETIME_SECONDS * 1000, sessionHandlesOf);
    const counting = { ...watch, check: () => ((checks += 1), watch.check()) };
    const faults = await installNetworkFaults(context, 'sAccessToken');
    const page = await context.newPage();
    watch.allowDocuments(3); // the sign-up page, and the page it lands on
    // The sign-up waits for its answer, which never comes if the click fell before hydration.
    const user = await withDeadline(signUpThroughUI(page), SIGN_UP_BUDGET_MS, () => 'the sign-up');
    watch.expectUser(user.userId);
    if (model.router === 'app') {
      watch.allowDocuments(1);
      await page.goto(PAGES.app[0]!.path, { waitUntil: 'load' });
    }
    system = { context, page, user, faults, core: setup.core, watch: counting, pending: [], drawn: {}, doing: 'the sign-up' };
    const running = system;
    const runAndEnd = async () => {
      await fc.asyncModelRun(() => ({ model, real: running }), commands);
      running.doing = 'healing every fault';
      faults.heal();
      await Promise.all(running.pending);
      await setup.core.start();
      running.doing = 'judging the ending';
      return judgeEnding(running);
    };
    run = runAndEnd();
    const ending = await withDeadline(run, SCHEDULE_BUDGET_MS, () => running.doing);
    setup.onTally({ commands: Object.values(system.drawn).reduce((a, b) => a + b, 0), drawn: system.drawn, faults: faults.applied(), invariantChecks: checks, ending });
  } catch (error) {
    if (system && error instanceof InvariantBroken) {
      const file = path.join(REPO_ROOT, 'test-results', 'soak', `failure-${Date.now()}.png`);
      await system.page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      const states = await lastStates(system.page);
      error.message += `\n(the tab at the failure: ${path.relative(REPO_ROOT, file)}; its last requests:\n  ${system.watch.recentRequests().join('\n  ')}\n its last states: ${states})`;
    }
    if (system) {
      await Promise.race([Promise.all(system.pending).catch(() => undefined), sleep(30_000)]);
      await setup.core.start();
    }
    throw error;
  } finally {
    // A page stuck in its own work must not hold the soak up: the context goes after a while anyway.
    await Promise.race([context.close().catch(() => undefined), sleep(30_000)]);
    // A run its deadline cut goes on until the closed context fails its next step; one in the
    // middle of a core restart would otherwise stop the core under the next schedule.
    if (run) {
      await Promise.race([run.catch(() => undefined), sleep(RUN_WIND_DOWN_MS)]);
      await setup.core.start();
    }
  }
}

/** No schedule may take longer than this in all, nor its sign-up; one that does hangs somewhere, which is reported. */
const SCHEDULE_BUDGET_MS = 4 * 60_000;
const SIGN_UP_BUDGET_MS = 60_000;
/** The longest a cut run's last command (a core restart's pause, a fault's hold) keeps going once its context closed. */
const RUN_WIND_DOWN_MS = 60_000;

async function withDeadline<T>(work: Promise<T>, budgetMs: number, doing: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new InvariantBroken([{ invariant: 'ending', detail: `still running after ${budgetMs / 1000} s, while ${doing()}` }])),
      budgetMs,
    );
  });
  try {
    return await Promise.race([work, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Each schedule ends, within its budget, on content, on the sign-in page with a return path on
 * this site, or on a screen whose way out works when clicked; a user nobody signed out still has
 * a session.
 */
async function judgeEnding(system: SoakSystem): Promise<string> {
  const { page, watch, user } = system;
  let ending = await waitForEnding(system, SETTLE_MS);
  if (!ending) {
    const wayOut = await takeWayOut(page, system);
    if (!wayOut) {
      const onSignIn = new URL(page.url()).pathname === '/auth';
      const invariant = onSignIn && !watch.signedOut() ? 'sign-out-by-fault' : 'ending';
      throw new InvariantBroken([{ invariant, detail: `${SETTLE_MS} ms after the faults healed, ${await describePage(page)}, with no way out on screen` }]);
    }
    ending = await waitForEnding(system, WAY_OUT_MS);
    if (!ending) throw new InvariantBroken([{ invariant: 'ending', detail: `"${wayOut}" clicked, and ${WAY_OUT_MS} ms later ${await describePage(page)}` }]);
    ending = `${ending} (after "${wayOut}")`;
  }
  const violations: Violation[] = [];
  if (!watch.signedOut() && (await sessionHandlesOf(user.userId)).length === 0) {
    violations.push({ invariant: 'sign-out-by-fault', detail: 'the core holds no session for a user nobody signed out' });
  }
  if (violations.length > 0) throw new InvariantBroken(violations);
  return ending;
}

const PROTECTED_PATHS = new Set([...PAGES.pages, ...PAGES.app].filter((p) => p.protected).map((p) => p.path));

/** An ending counts once it has held this long (a sign-in form just submitted is still on screen). */
const ENDING_HOLDS_MS = 1_500;

async function waitForEnding(system: SoakSystem, withinMs: number): Promise<string | undefined> {
  const { page } = system;
  const deadline = Date.now() + withinMs;
  let held: { ending: string; since: number } | undefined;
  while (Date.now() < deadline) {
    await waitWatching(system, 250);
    const ending = await endingNow(page, system.watch.signedOut()).catch((error: unknown) => {
      if (error instanceof InvariantBroken) throw error;
      return undefined;
    });
    if (!ending) held = undefined;
    else if (held?.ending !== ending) held = { ending, since: Date.now() };
    else if (Date.now() - held.since >= ENDING_HOLDS_MS) return ending;
  }
  return undefined;
}

/** `content`, `sign-in` or `public page` once the tab has settled there; undefined while it has not. */
async function endingNow(page: Page, signedOut: boolean): Promise<string | undefined> {
  const url = new URL(page.url());
  if (url.pathname === '/auth') {
    const returnPath = url.searchParams.get('redirectToPath');
    if (returnPath !== null && (!returnPath.startsWith('/') || /^\/[/\\]/.test(returnPath))) {
      throw new InvariantBroken([{ invariant: 'ending', detail: `the sign-in page would send the user off-site: ${url.search}` }]);
    }
    // The way back leads to a page that needed the session, not to the sign-in page or a public one.
    if (returnPath !== null && !PROTECTED_PATHS.has(new URL(returnPath, url).pathname)) {
      throw new InvariantBroken([{ invariant: 'ending', detail: `the sign-in page would send the user back to ${returnPath}, which is not a protected page` }]);
    }
    // A signed-in user on the sign-in page is on the way out of it (a sign-in just answered):
    // not an ending yet, and one that never leaves runs out of time below.
    if (!signedOut) return undefined;
    return (await page.locator('input[name=email]').isVisible()) ? `sign-in${returnPath ? ` (back to ${returnPath})` : ''}` : undefined;
  }
  const flowShowing = await page.locator('[data-session-flow="loading"][data-session-flow-state]').isVisible();
  if (flowShowing) return undefined;
  if (await page.getByTestId('user-id').isVisible()) return 'content';
  const known = [...PAGES.pages, ...PAGES.app].find((p) => p.path === url.pathname);
  if (known && !known.protected && (await page.locator('h1').first().isVisible())) return 'public page';
  return undefined;
}

/** Clicks the way out the screen offers, as a user would; returns its label. */
async function takeWayOut(page: Page, system: SoakSystem): Promise<string | undefined> {
  const flow = page.locator('[data-session-flow="loading"]');
  for (const [role, name] of [
    ['button', 'Try again'],
    ['button', 'Sign in again'],
    ['link', 'Go to sign in'],
  ] as const) {
    const control = flow.getByRole(role, { name });
    if (!(await control.isVisible().catch(() => false))) continue;
    if (name === 'Sign in again') system.watch.allowSignOut();
    system.watch.allowDocuments(2);
    await control.click({ timeout: 5_000 });
    return name;
  }
  return undefined;
}

async function describePage(page: Page): Promise<string> {
  const state = await page
    .locator('[data-session-flow="loading"]')
    .getAttribute('data-session-flow-state', { timeout: 1_000 })
    .catch(() => null);
  const text = await page
    .locator('body')
    .innerText({ timeout: 1_000 })
    .catch(() => '');
  return `the tab is on ${page.url()} (flow: ${state ?? 'not showing'}; text: ${text.replace(/\s+/g, ' ').slice(0, 200)}; went ${await traceTail(page)})`;
}

/** The machine's last settled states in this tab, for a failure's report. */
async function traceTail(page: Page): Promise<string> {
  const raw = await page.evaluate(`sessionStorage.getItem('ssr-session-flow:trace')`).catch(() => null);
  if (typeof raw !== 'string') return '(no trace)';
  const entries = JSON.parse(raw) as Array<{ state: string; path: string }>;
  return entries
    .slice(-12)
    .map((entry) => `${entry.state}@${entry.path}`)
    .join(' → ');
}

export { sleep };

/** The tab's last settled states of the session flow (the e2e build traces them), as `state@path`. */
async function lastStates(page: Page): Promise<string> {
  const stored = await page.evaluate((key) => sessionStorage.getItem(key), TRACE_STORAGE_KEY).catch((error: unknown) => `(no trace: ${String(error)})`);
  if (stored === null || stored.startsWith('(')) return stored ?? '(no trace)';
  return (JSON.parse(stored) as SessionFlowTraceEntry[])
    .slice(-20)
    .map((entry) => `${entry.state}@${entry.path}`)
    .join(' → ');
}
