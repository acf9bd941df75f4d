/**
 * @jest-environment node
 */
import {
  APP_ROUTER_OURS,
  APP_ROUTER_RECIPE,
  CACHE_HIT, CACHE_MISS, CHECK_DATABASE, evaluate, OURS, RECIPE, RECIPE_SDK_LOCK, UNPROTECTED, type Measurements } from '../../bench/targets';

const figures = (requestsPerSecond: number, ratioToBaseline: number) => ({ requestsPerSecond, ratioToBaseline, p50Ms: 1, p99Ms: 2 });

function measurements(overrides: { ours?: number; floor?: number; missRatio?: number } = {}): Measurements {
  return {
    recovery: {
      recoveryMs: { [OURS]: overrides.ours ?? 20, [RECIPE]: 50, [RECIPE_SDK_LOCK]: 120 },
      userFeltMs: { [OURS]: 60, [RECIPE]: 90, [RECIPE_SDK_LOCK]: 160 },
      floorMs: overrides.floor ?? 15,
      iterations: 9,
      runs: {},
    },
    appRouterRecovery: {
      recoveryMs: { [APP_ROUTER_OURS]: 30, [APP_ROUTER_RECIPE]: 40 },
      userFeltMs: { [APP_ROUTER_OURS]: 90, [APP_ROUTER_RECIPE]: 100 },
      floorMs: 20,
      iterations: 9,
      runs: {},
    },
    throughput: {
      [UNPROTECTED]: figures(1000, 1),
      [CACHE_HIT]: figures(980, 0.98),
      [CACHE_MISS]: figures(900, overrides.missRatio ?? 0.9),
      [CHECK_DATABASE]: figures(500, 0.5),
    },
    firstLoad: { page: '/account', protectedKb: 160, bareKb: 116, signInKb: 217, packages: [] },
    coreLoad: {
      refresh: { requestsPerSecond: 2000, p50Ms: 3, p99Ms: 8, failures: 0 },
      signIn: { requestsPerSecond: 4, p50Ms: 900, p99Ms: 950, failures: 0 },
    },
    memory: { cycles: 10_000, retainedBytesPerCycle: 1, baselineBytesPerCycle: 0 },
  };
}

describe('the bench’s verdict', () => {
  it('meets every target with figures inside them, and judges the lock’s gain and checkDatabase not at all', () => {
    const checks = evaluate(measurements());
    expect(checks.filter((check) => check.met === false)).toEqual([]);
    expect(checks.filter((check) => check.met === null).map((check) => check.name)).toEqual([
      'the lock alone: docs recipe with Web Locks ÷ with the SDK default lock',
      'App Router recovery ÷ its docs recipe (router.refresh()), same lock',
      'App Router recovery ÷ floor (one refresh + one server-components fetch)',
      'SSR throughput, checkDatabase ÷ no check',
      'embedded core, sign-ins per second',
    ]);
  });

  it.each([
    ['recovery ÷ floor (one refresh + one server-props fetch)', { ours: 24, floor: 15 }, 1.6],
    ['recovery ÷ docs recipe with the same lock', { ours: 26 }, 0.52],
    ['SSR throughput, cache miss ÷ no check', { missRatio: 0.84 }, 0.84],
  ])('misses "%s" just past its target', (name, overrides, value) => {
    const check = evaluate(measurements(overrides)).find((c) => c.name === name);
    expect(check).toMatchObject({ value, met: false });
  });

  it('reports the App Router against its own recipe and floor', () => {
    const checks = evaluate(measurements());
    expect(checks.find((c) => c.name.startsWith('App Router recovery ÷ its docs recipe'))).toMatchObject({ value: 0.75, met: null, from: '30.0 ms ÷ 40.0 ms' });
    expect(checks.find((c) => c.name.startsWith('App Router recovery ÷ floor'))).toMatchObject({ value: 1.5, met: null });
  });

  it('fails the core load figure when any refresh failed, whatever the rate', () => {
    const broken = measurements();
    broken.coreLoad.refresh.failures = 3;
    expect(evaluate(broken).find((c) => c.name === 'embedded core, refreshes per second')).toMatchObject({ met: false });
  });
});
