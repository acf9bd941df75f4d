import type { NetworkProfileName } from './networkProfiles';
import type { PageTimings } from './recoveryTimings';
import type { RunFailure } from './runPreconditions';
import { median, round } from './stats';

export type RouterName = 'pages router' | 'App Router';
export type VariantKey = 'ours' | 'recipe' | 'recipeSdkLock' | 'oursLean';
export type ScenarioName = 'deepLink' | 'clientNavigation';

/** One variant in one scenario, over the runs of a cell. */
export interface ScenarioResult {
  /** Medians of the measured runs; NaN where none measured that part. */
  medians: PageTimings;
  measured: number;
  /** Measured runs that asked for a refresh after the navigation started (a client navigation may not need one). */
  recovered: number;
  failures: RunFailure[];
  runs: PageTimings[];
}

export interface VariantResult {
  label: string;
  deepLink?: ScenarioResult;
  clientNavigation?: ScenarioResult;
}

/** The limit of a recovery: one refresh plus a client navigation to the page with a valid session. */
export interface FloorResult {
  refreshMs: number;
  validNavigationMs: number;
  /** Median over the runs of refresh + valid navigation, each pair measured in one run. */
  limitMs: number;
  measured: number;
  failures: RunFailure[];
}

/** One network profile and one router: every variant measured side by side, in rotating order. */
export interface RecoveryCell {
  profile: NetworkProfileName;
  router: RouterName;
  iterations: number;
  variants: Partial<Record<VariantKey, VariantResult>>;
  floor: FloorResult;
  /** The old floor, network time only: our deep links' refresh request + server props (or components) request. */
  rawFloorMs: number;
}

export interface RecoveryMatrix {
  cells: RecoveryCell[];
}

export interface MeasuredNavigation {
  timings: PageTimings;
  recoveryStarted: boolean;
}

/** A PageTimings made part by part. */
function timingsFrom(part: (key: keyof PageTimings) => number): PageTimings {
  return {
    userFeltMs: part('userFeltMs'),
    recoveryMs: part('recoveryMs'),
    toRecoveryStartMs: part('toRecoveryStartMs'),
    firstAnswerMs: part('firstAnswerMs'),
    refreshMs: part('refreshMs'),
    reloadMs: part('reloadMs'),
    reloadToContentMs: part('reloadToContentMs'),
    loadingUiMs: part('loadingUiMs'),
  };
}

/** The median of the values that exist: a part a run did not have (NaN) does not count. */
export function medianOf(values: number[]): number {
  const present = values.filter((value) => Number.isFinite(value));
  return present.length === 0 ? NaN : round(median(present), 1);
}

export function summarizeRuns(runs: MeasuredNavigation[], failures: RunFailure[]): ScenarioResult {
  const timings = runs.map((run) => run.timings);
  return {
    medians: timingsFrom((key) => medianOf(timings.map((t) => t[key]))),
    measured: runs.length,
    recovered: runs.filter((run) => run.recoveryStarted).length,
    failures,
    runs: timings.map((t) => timingsFrom((key) => round(t[key], 1))),
  };
}

export function summarizeFloor(runs: { refreshMs: number; navigationMs: number }[], failures: RunFailure[]): FloorResult {
  return {
    refreshMs: medianOf(runs.map((run) => run.refreshMs)),
    validNavigationMs: medianOf(runs.map((run) => run.navigationMs)),
    limitMs: medianOf(runs.map((run) => run.refreshMs + run.navigationMs)),
    measured: runs.length,
    failures,
  };
}

/** The raw network floor of decision 014: per run, the refresh request plus the reload request. */
export function rawFloor(deepLink: ScenarioResult | undefined): number {
  return medianOf((deepLink?.runs ?? []).map((run) => run.refreshMs + run.reloadMs));
}
