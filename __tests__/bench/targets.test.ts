/**
 * @jest-environment node
 */
import type { FloorResult, RecoveryCell, RouterName, ScenarioResult, VariantResult } from '../../bench/recoveryResults';
import type { NetworkProfileName } from '../../bench/networkProfiles';
import { CACHE_HIT, CACHE_MISS, CHECK_DATABASE, evaluate, UNPROTECTED, type Measurements } from '../../bench/targets';

describe('the bench’s verdict', () => {
  it('meets every target with figures inside them, and judges what no target covers not at all', () => {
    const checks = evaluate(measurements());
    expect(checks.filter((check) => check.met === false)).toEqual([]);
    expect(checks.filter((check) => check.met === true).map((check) => check.name)).toEqual([
      'recovery ÷ docs recipe with the same lock',
      'recovery ÷ (one refresh + a valid client navigation), pages router, loopback',
      'deep link with an expired token, navigation → content: ours ÷ docs recipe, same lock',
      '4G deep link, navigation → content: ours ÷ docs recipe, same lock (pages router)',
      'App Router recovery ÷ its docs recipe (router.refresh()), same lock, loopback',
      'App Router recovery ÷ its docs recipe (router.refresh()), same lock, 4G',
      '4G deep link, navigation → content: ours ÷ docs recipe, same lock (App Router)',
      'App Router recovery ÷ its docs recipe (router.refresh()), same lock, slow 3G',
      "active tabs (3), navigation after the token's lifetime ÷ navigation with a valid token",
      'active tabs (3), refresh calls per access token (each lifetime refreshed once, for all tabs)',
      'SSR throughput, cache hit ÷ no check',
      'SSR throughput, cache miss ÷ no check',
      'first-load JS of /account − bare pages-router app (kB gzip)',
      'first-load JS of /app-router/account − bare App Router app (kB gzip)',
      'embedded core, refreshes per second',
      'heap growth per recovery cycle − baseline (bytes)',
    ]);
  });

  it('reports the raw network floor beside the limit it no longer judges', () => {
    const raw = evaluate(measurements()).find((c) => c.name === 'recovery ÷ raw network floor (one refresh + one server-props fetch)');
    expect(raw).toMatchObject({ value: 2, target: null, met: null, from: '20.0 ms ÷ 10.0 ms' });
  });

  it.each([
    ['recovery ÷ (one refresh + a valid client navigation), pages router, loopback', { oursRecovery: 24, limit: 20 }, 1.2],
    ['recovery ÷ docs recipe with the same lock', { oursRecovery: 26 }, 0.52],
    ['4G deep link, navigation → content: ours ÷ docs recipe, same lock (pages router)', { oursFelt: 62 }, 0.62],
    ['App Router recovery ÷ its docs recipe (router.refresh()), same lock, slow 3G', { oursRecovery: 41 }, 0.82],
    ['SSR throughput, cache miss ÷ no check', { missRatio: 0.84 }, 0.84],
    ["active tabs (3), navigation after the token's lifetime ÷ navigation with a valid token", { afterLifetimeMs: 33.3 }, 1.11],
    ['active tabs (3), refresh calls per access token (each lifetime refreshed once, for all tabs)', { refreshCalls: 7 }, 1.17],
    ['first-load JS of /app-router/account − bare App Router app (kB gzip)', { appRouterKb: 146 }, 46],
  ])('misses "%s" just past its target', (name, overrides, value) => {
    const check = evaluate(measurements(overrides)).find((c) => c.name === name);
    expect(check).toMatchObject({ value, met: false });
  });

  it('misses a target it could not measure, and says which precondition kept the runs from measuring', () => {
    const broken = measurements();
    const ours = broken.recovery.cells[0]!.variants.ours!;
    ours.deepLink = { ...ours.deepLink!, medians: { ...ours.deepLink!.medians, recoveryMs: NaN }, measured: 0, failures: [{ precondition: 'the page showed its content', detail: 'no content within 30 s' }] };
    const check = evaluate(broken).find((c) => c.name === 'recovery ÷ docs recipe with the same lock');
    expect(check).toMatchObject({ met: false, from: 'NaN ms ÷ 50.0 ms; 1 run not measured (first: the page showed its content)' });
  });

  it('gives no line for a cell the run did not plan (the smoke run measures loopback only)', () => {
    const smoke = measurements();
    smoke.recovery.cells = smoke.recovery.cells.filter((cell) => cell.profile === 'loopback');
    expect(evaluate(smoke).filter((c) => c.name.includes('4G') || c.name.includes('slow 3G'))).toEqual([]);
  });

  // The CI smoke's one-second run reported "0 sign-ins per second, p50 0 ms": no sign-in had been answered yet.
  it('says a load figure was not measured when nothing was answered within the run, rather than 0 ms', () => {
    const idle = measurements();
    idle.coreLoad.signIn = { requestsPerSecond: 0, p50Ms: 0, p99Ms: 0, failures: 0, answered: 0 };
    expect(evaluate(idle).find((c) => c.name === 'embedded core, sign-ins per second')).toMatchObject({
      value: NaN,
      from: 'no request answered within the run (0 failed): not measured',
    });
  });

  it('fails the core load figure when any refresh failed, whatever the rate', () => {
    const broken = measurements();
    broken.coreLoad.refresh.failures = 3;
    expect(evaluate(broken).find((c) => c.name === 'embedded core, refreshes per second')).toMatchObject({ met: false });
  });
});

interface Overrides {
  oursRecovery?: number;
  oursFelt?: number;
  limit?: number;
  missRatio?: number;
  appRouterKb?: number;
  afterLifetimeMs?: number;
  refreshCalls?: number;
}

function measurements(overrides: Overrides = {}): Measurements {
  const figures = (requestsPerSecond: number, ratioToBaseline: number) => ({ requestsPerSecond, ratioToBaseline, p50Ms: 1, p99Ms: 2 });
  const cells = (['loopback', '4G', 'slow 3G'] as const).flatMap((profile) => (['pages router', 'App Router'] as const).map((router) => cell(profile, router, overrides)));
  return {
    recovery: { cells },
    throughput: {
      [UNPROTECTED]: figures(1000, 1),
      [CACHE_HIT]: figures(980, 0.98),
      [CACHE_MISS]: figures(900, overrides.missRatio ?? 0.9),
      [CHECK_DATABASE]: figures(500, 0.5),
    },
    firstLoad: { page: '/account', protectedKb: 160, bareKb: 116, signInKb: 217, packages: [] },
    appRouterFirstLoad: { page: '/app-router/account', protectedKb: overrides.appRouterKb ?? 140, bareKb: 100, packages: [] },
    coreLoad: {
      refresh: { requestsPerSecond: 2000, p50Ms: 3, p99Ms: 8, failures: 0, answered: 10_000 },
      signIn: { requestsPerSecond: 4, p50Ms: 900, p99Ms: 950, failures: 0, answered: 20 },
    },
    memory: { cycles: 10_000, retainedBytesPerCycle: 1, baselineBytesPerCycle: 0 },
    activeTabs: {
      lifetimeMs: 2_000,
      validNavigationMs: 30,
      afterLifetimeNavigationMs: overrides.afterLifetimeMs ?? 31,
      validSamples: 10,
      afterLifetimeSamples: 40,
      recoveriesMet: 0,
      refreshCalls: overrides.refreshCalls ?? 6,
      tokensRefreshed: 6,
      refreshesPerLifetime: 1.25,
      notes: [],
    },
  };
}

/** Ours 20 ms of recovery and 55 ms felt against the recipe's 50 and 100; refresh 5 + server props 5. */
function cell(profile: NetworkProfileName, router: RouterName, overrides: Overrides): RecoveryCell {
  const variant = (label: string, recoveryMs: number, userFeltMs: number): VariantResult => ({
    label,
    deepLink: scenario(recoveryMs, userFeltMs),
    clientNavigation: scenario(recoveryMs, userFeltMs),
  });
  const floor: FloorResult = { refreshMs: 5, validNavigationMs: 15, limitMs: overrides.limit ?? 20, measured: 9, failures: [] };
  return {
    profile,
    router,
    iterations: 9,
    variants: {
      ours: variant('ours', overrides.oursRecovery ?? 20, overrides.oursFelt ?? 55),
      recipe: variant('recipe', 50, 100),
      recipeSdkLock: variant('recipe, SDK lock', 120, 160),
    },
    floor,
    rawFloorMs: 10,
  };
}

function scenario(recoveryMs: number, userFeltMs: number): ScenarioResult {
  const medians = { userFeltMs, recoveryMs, toRecoveryStartMs: userFeltMs - recoveryMs, firstAnswerMs: 10, refreshMs: 5, reloadMs: 5, reloadToContentMs: 3, loadingUiMs: NaN };
  return { medians, measured: 9, recovered: 9, failures: [], runs: [medians] };
}
