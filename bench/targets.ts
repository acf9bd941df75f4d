import { judged, reported, type Check } from './checks';
import { FIRST_LOAD_BUDGET_KB } from '../scripts/checkClientBundle';
import { activeTabsChecks, type ActiveTabsResult } from './activeTabs';
import type { CoreLoadResult, LoadFigures } from './coreLoad';
import type { FirstLoadResult } from './firstLoadJs';
import type { RecoveryMatrix } from './recoveryResults';
import { recoveryChecks } from './recoveryTargets';
import type { MemoryResult } from './runtimeMemory';
import type { ThroughputFigures } from './ssrThroughput';

export type { Check } from './checks';

export const UNPROTECTED = 'same page, no session check';
export const CACHE_HIT = 'protected, cache hit';
export const CACHE_MISS = 'protected, cache miss';
export const CHECK_DATABASE = 'protected, checkDatabase: true';

export interface Measurements {
  /** Recovery of an expired session: every network profile and router, every variant side by side. */
  recovery: RecoveryMatrix;
  throughput: Record<string, ThroughputFigures>;
  firstLoad: FirstLoadResult;
  /** The same for an App Router protected page against a bare App Router app. */
  appRouterFirstLoad: FirstLoadResult;
  coreLoad: CoreLoadResult;
  memory: MemoryResult;
  activeTabs: ActiveTabsResult;
}

const rps = (figures: ThroughputFigures | undefined) => `${figures?.requestsPerSecond ?? NaN} req/s`;

/**
 * Every target of `npm run bench`, each a ratio of figures measured side by side in the same run.
 * Targets and baselines change only with a decision record (docs/decisions/014, 017 and 018).
 */
export function evaluate({ recovery, throughput, firstLoad, appRouterFirstLoad, coreLoad, memory, activeTabs }: Measurements): Check[] {
  const ssr = (name: string) => throughput[name]?.ratioToBaseline ?? NaN;
  // Both routers' pages held to one budget over a bare app of their own router.
  const overBare = (result: FirstLoadResult, bare: string) =>
    judged(`first-load JS of ${result.page} − bare ${bare} app (kB gzip)`, result.protectedKb - result.bareKb, '<=', FIRST_LOAD_BUDGET_KB, `${result.protectedKb} kB − ${result.bareKb} kB`, 1);
  return [
    ...recoveryChecks(recovery),
    ...activeTabsChecks(activeTabs),
    judged('SSR throughput, cache hit ÷ no check', ssr(CACHE_HIT), '>=', 0.95, `${rps(throughput[CACHE_HIT])} ÷ ${rps(throughput[UNPROTECTED])}, ratio per round`),
    judged('SSR throughput, cache miss ÷ no check', ssr(CACHE_MISS), '>=', 0.85, `${rps(throughput[CACHE_MISS])} ÷ ${rps(throughput[UNPROTECTED])}, ratio per round`),
    reported('SSR throughput, checkDatabase ÷ no check', ssr(CHECK_DATABASE), `${rps(throughput[CHECK_DATABASE])} ÷ ${rps(throughput[UNPROTECTED])}, ratio per round`),
    overBare(firstLoad, 'pages-router'),
    overBare(appRouterFirstLoad, 'App Router'),
    judged('embedded core, refreshes per second', coreLoad.refresh.failures > 0 ? 0 : coreLoad.refresh.requestsPerSecond, '>=', 1000, loadDetail(coreLoad.refresh), 0),
    reported('embedded core, sign-ins per second', coreLoad.signIn.answered === 0 ? NaN : coreLoad.signIn.requestsPerSecond, loadDetail(coreLoad.signIn), 0),
    judged('heap growth per recovery cycle − baseline (bytes)', memory.retainedBytesPerCycle - memory.baselineBytesPerCycle, '<=', 16, `${memory.retainedBytesPerCycle} − ${memory.baselineBytesPerCycle} over ${memory.cycles} cycles`, 1),
  ];
}

/** A load figure's latencies and failures; a run in which nothing was answered says so instead of 0 ms. */
function loadDetail(figures: LoadFigures): string {
  if (figures.answered === 0) return `no request answered within the run (${figures.failures} failed): not measured`;
  return `p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, ${figures.failures} failed`;
}
