import { FOUR_G, LOOPBACK, SLOW_3G, type NetworkProfile } from './networkProfiles';
import type { CellPlan, MatrixVariant } from './recoveryMatrix';
import type { RouterName, ScenarioName, VariantKey } from './recoveryResults';

/** Where each build is served; the SDK-lock and lean builds only in a full run. */
export interface BenchOrigins {
  app: string;
  sdkLock?: string;
  lean?: string;
}

interface RouterPages {
  protectedPath: string;
  recipePath: string;
  startPath: string;
  labels: Record<Exclude<VariantKey, 'oursLean'>, string>;
}

const ROUTERS: Record<RouterName, RouterPages> = {
  'pages router': {
    protectedPath: '/bench/protected',
    recipePath: '/bench/docs-recipe',
    startPath: '/bench/start',
    labels: { ours: 'ssr-session-flow (soft reload)', recipe: 'docs recipe, same lock (Web Locks)', recipeSdkLock: 'docs recipe, SDK default lock' },
  },
  'App Router': {
    protectedPath: '/bench-app-router/protected',
    recipePath: '/bench-app-router/docs-recipe',
    startPath: '/bench-app-router/start',
    labels: {
      ours: 'ssr-session-flow (router.refresh())',
      recipe: 'docs recipe (TryRefreshComponent), same lock',
      recipeSdkLock: 'docs recipe (TryRefreshComponent), SDK default lock',
    },
  },
};

const BOTH: readonly ScenarioName[] = ['deepLink', 'clientNavigation'];

/**
 * Rounds per profile in a full run. Emulated latency is the same every time, so the slow profiles
 * vary less than loopback and need fewer rounds for a stable median; they cost seconds each.
 */
const FULL_ROUNDS: readonly [NetworkProfile, number][] = [
  [LOOPBACK, 11],
  [FOUR_G, 7],
  [SLOW_3G, 5],
];

/**
 * What `npm run bench` measures of recovery: per network profile and router, our recovery beside
 * SuperTokens' recipe with the same lock and with its own; the lean refresh on the pages router,
 * on loopback. The smoke run (CI) takes one round of loopback, ours and the same-lock recipe.
 */
export function recoveryPlan(origins: BenchOrigins, mode: 'smoke' | 'full'): CellPlan[] {
  const rounds = mode === 'smoke' ? ([[LOOPBACK, 1]] as const) : FULL_ROUNDS;
  return rounds.flatMap(([profile, iterations]) =>
    (['pages router', 'App Router'] as const).map((router) => {
      const pages = ROUTERS[router];
      const on = (origin: string, path: string) => ({ url: `${origin}${path}`, startUrl: `${origin}${pages.startPath}` });
      const variants: MatrixVariant[] = [
        { key: 'ours', label: pages.labels.ours, target: on(origins.app, pages.protectedPath), scenarios: BOTH },
        { key: 'recipe', label: pages.labels.recipe, target: on(origins.app, pages.recipePath), scenarios: BOTH },
      ];
      if (origins.sdkLock) {
        variants.push({ key: 'recipeSdkLock', label: pages.labels.recipeSdkLock, target: on(origins.sdkLock, pages.recipePath), scenarios: BOTH });
      }
      if (origins.lean && router === 'pages router' && profile === LOOPBACK) {
        const label = 'ssr-session-flow, lean refresh (private SDK files)';
        variants.push({ key: 'oursLean', label, target: on(origins.lean, pages.protectedPath), scenarios: ['deepLink'] });
      }
      return { profile, router, variants, floorTarget: variants[0]!.target, iterations, warmUp: mode === 'full' };
    }),
  );
}
