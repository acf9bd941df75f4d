import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildCell, installCell, packPackages } from './consumers/consumerApp';
import { EXAMPLE_CELL, type ConsumerCell } from './consumers/consumerCells';
import {
  buildEnvFor,
  CC_DIST_DIR,
  CC_ORIGIN,
  CLUSTER_DIST_DIR,
  CLUSTER_ORIGIN,
  EV_DIST_DIR,
  EV_ORIGIN,
  REPO_ROOT,
  STANDALONE_DIST_DIR,
  STANDALONE_ORIGIN,
} from './e2eEnv';
import { buildApp } from './support/serverProcess';

/**
 * Builds some specs need besides the main app's, made by `npm run test:e2e` before Playwright
 * starts, so that no install or build ever runs inside a test's time budget (a busy machine must
 * not fail a spec for it). `specs` are the spec-file number prefixes that use the build.
 */
export interface E2ePreparation {
  name: string;
  specs: readonly string[];
  /** Network-bound work (installs), run while the main app builds. */
  fetch?: () => Promise<void>;
  /** CPU-bound work (builds), run one at a time. */
  build: () => Promise<void>;
}

/** The demo app with NEXT_PUBLIC_EMAIL_VERIFICATION=required (inlined into the client). */
export const emailVerificationBuildEnv = () => buildEnvFor(EV_ORIGIN, EV_DIST_DIR, { NEXT_PUBLIC_EMAIL_VERIFICATION: 'required' });
export const clusterBuildEnv = () => buildEnvFor(CLUSTER_ORIGIN, CLUSTER_DIST_DIR);
export const cacheComponentsBuildEnv = () => buildEnvFor(CC_ORIGIN, CC_DIST_DIR, { NEXT_CACHE_COMPONENTS: '1' });
export const standaloneBuildEnv = () => buildEnvFor(STANDALONE_ORIGIN, STANDALONE_DIST_DIR, { NEXT_OUTPUT: 'standalone' });

/** Each cell installs while the main app builds, then builds with each of its bundlers. */
export function consumerPreparation(cells: readonly ConsumerCell[], specs: readonly string[]): E2ePreparation {
  let installed: Promise<void> | undefined;
  const install = () =>
    (installed ??= packPackages().then(async (tarballs) => {
      for (const cell of cells) await installCell(cell, tarballs);
    }));
  return {
    name: cells.map((cell) => cell.title).join(', '),
    specs,
    fetch: install,
    build: async () => {
      await install();
      for (const cell of cells) for (const build of cell.builds) await buildCell(cell, build);
    },
  };
}

/**
 * Another build of the demo, after the main one (`npm run test:e2e` makes that first, always):
 * the same source, so its type-check is not repeated.
 */
const buildDemoAgain = (env: NodeJS.ProcessEnv) => buildApp({ ...env, NEXT_SKIP_TYPECHECK: '1' });

export const E2E_PREPARATIONS: readonly E2ePreparation[] = [
  { name: 'the demo with email verification', specs: ['30'], build: async () => buildDemoAgain(emailVerificationBuildEnv()) },
  { name: 'the demo for two instances', specs: ['31'], build: async () => buildDemoAgain(clusterBuildEnv()) },
  {
    name: 'the standalone server',
    specs: ['34'],
    build: async () => {
      const dist = path.join(REPO_ROOT, STANDALONE_DIST_DIR);
      rmSync(dist, { recursive: true, force: true });
      buildDemoAgain(standaloneBuildEnv());
      // What the Dockerfile's COPY lines do: the static files next to server.js.
      cpSync(path.join(dist, 'static'), path.join(dist, 'standalone', STANDALONE_DIST_DIR, 'static'), { recursive: true });
    },
  },
  { name: 'the demo with cacheComponents', specs: ['51'], build: async () => buildDemoAgain(cacheComponentsBuildEnv()) },
  consumerPreparation([EXAMPLE_CELL], ['40', '41', '42']),
];

/**
 * The preparations the selected specs need: with no spec named among Playwright's arguments
 * (`npm run test:e2e -- 05 40`), all of them.
 */
export function preparationsFor(playwrightArgs: readonly string[]): E2ePreparation[] {
  const named = playwrightArgs.filter((arg) => !arg.startsWith('-') && /\d/.test(arg));
  if (named.length === 0) return [...E2E_PREPARATIONS];
  return E2E_PREPARATIONS.filter(({ specs }) => named.some((arg) => specs.some((spec) => path.basename(arg).startsWith(spec))));
}
