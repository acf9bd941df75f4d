import type { CoreLoadResult } from './coreLoad';
import type { FirstLoadResult } from './firstLoadJs';
import type { MemoryResult } from './runtimeMemory';
import type { RecoveryResult } from './recoveryTime';
import type { ThroughputFigures } from './ssrThroughput';
import { round } from './stats';

export const OURS = 'ssr-session-flow (soft reload)';
export const RECIPE = 'docs recipe, same lock (Web Locks)';
export const RECIPE_SDK_LOCK = 'docs recipe, SDK default lock';
export const OURS_LEAN = 'ssr-session-flow, lean refresh (private SDK files)';
export const APP_ROUTER_OURS = 'App Router: ssr-session-flow (router.refresh())';
export const APP_ROUTER_RECIPE = 'App Router: docs recipe (TryRefreshComponent), same lock';

export const UNPROTECTED = 'same page, no session check';
export const CACHE_HIT = 'protected, cache hit';
export const CACHE_MISS = 'protected, cache miss';
export const CHECK_DATABASE = 'protected, checkDatabase: true';

/** One line of the verdict: a measured value against its target, or reported without one. */
export interface Check {
  name: string;
  value: number;
  /** e.g. `<= 0.50`; `null` for a figure that is reported, not judged. */
  target: string | null;
  met: boolean | null;
  /** What the value is made of, e.g. `53.1 ms ÷ 120.4 ms`. */
  from: string;
}

export interface Measurements {
  recovery: RecoveryResult;
  /** The App Router's recovery and SuperTokens' App Router recipe, measured the same way. */
  appRouterRecovery: RecoveryResult;
  throughput: Record<string, ThroughputFigures>;
  firstLoad: FirstLoadResult;
  coreLoad: CoreLoadResult;
  memory: MemoryResult;
}

type Comparison = '<=' | '>=';

function judged(name: string, value: number, comparison: Comparison, limit: number, from: string, digits = 2): Check {
  const met = comparison === '<=' ? value <= limit : value >= limit;
  return { name, value: round(value, digits), target: `${comparison} ${limit.toFixed(digits)}`, met, from };
}

function reported(name: string, value: number, from: string, digits = 2): Check {
  return { name, value: round(value, digits), target: null, met: null, from };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const rps = (figures: ThroughputFigures | undefined) => `${figures?.requestsPerSecond ?? NaN} req/s`;

/**
 * Every target of `npm run bench`, each a ratio of figures measured side by side in the same run.
 * Targets and baselines change only with a decision record (docs/decisions/014 has the current ones).
 */
export function evaluate({ recovery, appRouterRecovery, throughput, firstLoad, coreLoad, memory }: Measurements): Check[] {
  const recover = (name: string) => recovery.recoveryMs[name] ?? NaN;
  const felt = (name: string) => recovery.userFeltMs[name] ?? NaN;
  const ssr = (name: string) => throughput[name]?.ratioToBaseline ?? NaN;
  const checks: Check[] = [
    judged('recovery ÷ docs recipe with the same lock', recover(OURS) / recover(RECIPE), '<=', 0.5, `${ms(recover(OURS))} ÷ ${ms(recover(RECIPE))}`),
    judged('recovery ÷ floor (one refresh + one server-props fetch)', recover(OURS) / recovery.floorMs, '<=', 1.5, `${ms(recover(OURS))} ÷ ${ms(recovery.floorMs)}`),
    judged('deep link with an expired token, navigation → content: ours ÷ docs recipe, same lock', felt(OURS) / felt(RECIPE), '<=', 0.75, `${ms(felt(OURS))} ÷ ${ms(felt(RECIPE))}`),
  ];
  if (recovery.recoveryMs[OURS_LEAN] !== undefined) {
    checks.push(
      reported('the lean refresh: recovery with it ÷ with the public refresh', recover(OURS_LEAN) / recover(OURS), `${ms(recover(OURS_LEAN))} ÷ ${ms(recover(OURS))}`),
      reported('the lean refresh: recovery with it ÷ docs recipe with the same lock', recover(OURS_LEAN) / recover(RECIPE), `${ms(recover(OURS_LEAN))} ÷ ${ms(recover(RECIPE))}`),
    );
  }
  if (recovery.recoveryMs[RECIPE_SDK_LOCK] !== undefined) {
    checks.push(reported('the lock alone: docs recipe with Web Locks ÷ with the SDK default lock', recover(RECIPE) / recover(RECIPE_SDK_LOCK), `${ms(recover(RECIPE))} ÷ ${ms(recover(RECIPE_SDK_LOCK))}`));
  }
  const appRecover = (name: string) => appRouterRecovery.recoveryMs[name] ?? NaN;
  checks.push(
    reported(
      'App Router recovery ÷ its docs recipe (router.refresh()), same lock',
      appRecover(APP_ROUTER_OURS) / appRecover(APP_ROUTER_RECIPE),
      `${ms(appRecover(APP_ROUTER_OURS))} ÷ ${ms(appRecover(APP_ROUTER_RECIPE))}`,
    ),
    reported(
      'App Router recovery ÷ floor (one refresh + one server-components fetch)',
      appRecover(APP_ROUTER_OURS) / appRouterRecovery.floorMs,
      `${ms(appRecover(APP_ROUTER_OURS))} ÷ ${ms(appRouterRecovery.floorMs)}`,
    ),
  );
  checks.push(
    judged('SSR throughput, cache hit ÷ no check', ssr(CACHE_HIT), '>=', 0.95, `${rps(throughput[CACHE_HIT])} ÷ ${rps(throughput[UNPROTECTED])}, ratio per round`),
    judged('SSR throughput, cache miss ÷ no check', ssr(CACHE_MISS), '>=', 0.85, `${rps(throughput[CACHE_MISS])} ÷ ${rps(throughput[UNPROTECTED])}, ratio per round`),
    reported('SSR throughput, checkDatabase ÷ no check', ssr(CHECK_DATABASE), `${rps(throughput[CHECK_DATABASE])} ÷ ${rps(throughput[UNPROTECTED])}, ratio per round`),
    judged(`first-load JS of ${firstLoad.page} − bare pages-router app (kB gzip)`, firstLoad.protectedKb - firstLoad.bareKb, '<=', 45, `${firstLoad.protectedKb} kB − ${firstLoad.bareKb} kB`, 1),
    judged('embedded core, refreshes per second', coreLoad.refresh.failures > 0 ? 0 : coreLoad.refresh.requestsPerSecond, '>=', 1000, `p50 ${coreLoad.refresh.p50Ms} ms, p99 ${coreLoad.refresh.p99Ms} ms, ${coreLoad.refresh.failures} failed`, 0),
    reported('embedded core, sign-ins per second', coreLoad.signIn.requestsPerSecond, `p50 ${coreLoad.signIn.p50Ms} ms, p99 ${coreLoad.signIn.p99Ms} ms, ${coreLoad.signIn.failures} failed`, 0),
    judged('heap growth per recovery cycle − baseline (bytes)', memory.retainedBytesPerCycle - memory.baselineBytesPerCycle, '<=', 16, `${memory.retainedBytesPerCycle} − ${memory.baselineBytesPerCycle} over ${memory.cycles} cycles`, 1),
  );
  return checks;
}
