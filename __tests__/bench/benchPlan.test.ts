/**
 * @jest-environment node
 */
import { recoveryPlan } from '../../bench/benchPlan';

const ORIGINS = { app: 'http://localhost:3300', sdkLock: 'http://localhost:3301', lean: 'http://localhost:3303' };

describe('what the bench measures of recovery', () => {
  it('runs every profile for both routers in a full run, with the recipe under both locks', () => {
    const plan = recoveryPlan(ORIGINS, 'full');
    expect(plan.map((cell) => `${cell.router}, ${cell.profile.name}`)).toEqual([
      'pages router, loopback',
      'App Router, loopback',
      'pages router, 4G',
      'App Router, 4G',
      'pages router, slow 3G',
      'App Router, slow 3G',
    ]);
    for (const cell of plan) expect(cell.variants.map((v) => v.key).slice(0, 3)).toEqual(['ours', 'recipe', 'recipeSdkLock']);
    expect(plan.every((cell) => cell.warmUp)).toBe(true);
  });

  it('measures the lean refresh on the pages router’s loopback deep links only', () => {
    const withLean = recoveryPlan(ORIGINS, 'full').filter((cell) => cell.variants.some((v) => v.key === 'oursLean'));
    expect(withLean.map((cell) => `${cell.router}, ${cell.profile.name}`)).toEqual(['pages router, loopback']);
    expect(withLean[0]!.variants.find((v) => v.key === 'oursLean')?.scenarios).toEqual(['deepLink']);
  });

  it('starts each variant’s client navigation on its own build’s start page, and the floor on ours', () => {
    const [pages, app] = recoveryPlan(ORIGINS, 'full');
    expect(pages!.variants.find((v) => v.key === 'recipeSdkLock')?.target).toEqual({
      url: 'http://localhost:3301/bench/docs-recipe',
      startUrl: 'http://localhost:3301/bench/start',
    });
    expect(app!.floorTarget).toEqual({ url: 'http://localhost:3300/bench-app-router/protected', startUrl: 'http://localhost:3300/bench-app-router/start' });
  });

  it('keeps the smoke run to one loopback round of ours and the same-lock recipe, without warm-up', () => {
    const plan = recoveryPlan({ app: ORIGINS.app }, 'smoke');
    expect(plan.map((cell) => [cell.profile.name, cell.router, cell.iterations, cell.warmUp, cell.variants.map((v) => v.key)])).toEqual([
      ['loopback', 'pages router', 1, false, ['ours', 'recipe']],
      ['loopback', 'App Router', 1, false, ['ours', 'recipe']],
    ]);
  });
});
