import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { assertChromiumInstalled, CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';
import type { RunSession } from './browserSessions';
import { emulateNetwork, type NetworkProfile } from './networkProfiles';
import {
  rawFloor,
  summarizeFloor,
  summarizeRuns,
  type MeasuredNavigation,
  type RecoveryCell,
  type RecoveryMatrix,
  type RouterName,
  type ScenarioName,
  type VariantKey,
  type VariantResult,
} from './recoveryResults';
import { clientNavigationRun, deepLinkRun, EXPIRY_MARGIN_MS, prepareTab, validNavigationRun, type RunTab, type RunTarget } from './recoveryRuns';
import { failureOf, type RunFailure } from './runPreconditions';

export interface MatrixVariant {
  key: VariantKey;
  label: string;
  target: RunTarget;
  scenarios: readonly ScenarioName[];
}

/** What to measure for one network profile and one router. */
export interface CellPlan {
  profile: NetworkProfile;
  router: RouterName;
  variants: MatrixVariant[];
  /** Our protected page: the floor's valid navigation goes there. */
  floorTarget: RunTarget;
  iterations: number;
  /** One round first whose figures are dropped (HTTP and code caches), failures still reported. */
  warmUp: boolean;
}

export interface MatrixOptions {
  /** A new session, signed in now, as the browser holds it (see browserSessions.ts). */
  newSession(): Promise<RunSession>;
}

interface Outcomes {
  runs: MeasuredNavigation[];
  failures: RunFailure[];
}

/**
 * Every cell in one browser and one tab, its network set by Chromium's emulation. In a cell, each
 * round runs every variant once per scenario, in an order that rotates and reverses between rounds
 * (so none always follows the same one). Sessions are signed in when their round begins, never
 * long before. A run that cannot measure is recorded with the precondition that failed, and the
 * bench goes on.
 */
export async function measureRecoveryMatrix(plans: CellPlan[], options: MatrixOptions): Promise<RecoveryMatrix> {
  assertChromiumInstalled();
  const profileDir = mkdtempSync(path.join(tmpdir(), 'ssr-session-flow-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const tab = await prepareTab(context);
    const cdp = await context.newCDPSession(tab.page);
    const cells: RecoveryCell[] = [];
    for (const plan of plans) {
      await emulateNetwork(cdp, plan.profile);
      console.log(`recovery: ${plan.router}, ${plan.profile.name} (${plan.iterations} rounds${plan.warmUp ? ' after a warm-up' : ''}) …`);
      cells.push(await measureCell(tab, plan, options));
    }
    return { cells };
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

async function measureCell(tab: RunTab, plan: CellPlan, options: MatrixOptions): Promise<RecoveryCell> {
  const outcomes = new Map<string, Outcomes>();
  const of = (key: VariantKey, scenario: ScenarioName) => {
    const id = `${key}:${scenario}`;
    if (!outcomes.has(id)) outcomes.set(id, { runs: [], failures: [] });
    return outcomes.get(id)!;
  };
  const floor = { runs: [] as { refreshMs: number; navigationMs: number }[], failures: [] as RunFailure[] };
  const rounds = plan.iterations + (plan.warmUp ? 1 : 0);
  for (let round = 0; round < rounds; round += 1) {
    const warmUp = plan.warmUp && round === 0;
    const attempt = async <T>(what: string, work: () => Promise<T>, keep: (value: T) => void, failures: RunFailure[]) => {
      try {
        const value = await work();
        if (!warmUp) keep(value);
      } catch (error) {
        const failure = failureOf(error);
        failures.push(warmUp ? { ...failure, detail: `(warm-up) ${failure.detail}` } : failure);
        console.warn(`  ${what}: ${failure.precondition}: ${failure.detail}`);
      }
    };
    const order = rotation(plan.variants, round);
    const deepLinks = order.filter((variant) => variant.scenarios.includes('deepLink'));
    // Signed in now, they expire while the client navigations run.
    const deepSessions = new Map<VariantKey, RunSession>();
    for (const variant of deepLinks) deepSessions.set(variant.key, await options.newSession());
    const floorSession = await options.newSession();

    for (const variant of order.filter((v) => v.scenarios.includes('clientNavigation'))) {
      const outcome = of(variant.key, 'clientNavigation');
      const run = async () => clientNavigationRun(tab, variant.target, await options.newSession());
      await attempt(`${variant.label}, client navigation`, run, (value) => outcome.runs.push(value), outcome.failures);
    }
    await sleepUntil(Math.max(0, ...[...deepSessions.values()].map((session) => session.expiresAtMs)) + EXPIRY_MARGIN_MS);
    for (const variant of deepLinks) {
      const outcome = of(variant.key, 'deepLink');
      const run = async () => ({ timings: await deepLinkRun(tab, variant.target, deepSessions.get(variant.key)!), recoveryStarted: true });
      await attempt(`${variant.label}, deep link`, run, (value) => outcome.runs.push(value), outcome.failures);
    }
    await attempt('floor, valid navigation', () => validNavigationRun(tab, plan.floorTarget, floorSession), (value) => floor.runs.push(value), floor.failures);
  }

  const variants: Partial<Record<VariantKey, VariantResult>> = {};
  for (const variant of plan.variants) {
    const summary = (scenario: ScenarioName) => {
      const outcome = outcomes.get(`${variant.key}:${scenario}`);
      return outcome && summarizeRuns(outcome.runs, outcome.failures);
    };
    variants[variant.key] = { label: variant.label, deepLink: summary('deepLink'), clientNavigation: summary('clientNavigation') };
  }
  return {
    profile: plan.profile.name,
    router: plan.router,
    iterations: plan.iterations,
    variants,
    floor: summarizeFloor(floor.runs, floor.failures),
    rawFloorMs: rawFloor(variants.ours?.deepLink),
  };
}

/** Round `i`'s order: rotated by `i`, and reversed every other round. */
export function rotation<T>(items: readonly T[], round: number): T[] {
  const rotated = items.map((_, k) => items[(k + round) % items.length]!);
  return round % 2 ? rotated.reverse() : rotated;
}

function sleepUntil(timeMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, timeMs - Date.now())));
}
