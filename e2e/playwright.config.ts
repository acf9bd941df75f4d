import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { APP_ORIGIN, REPO_ROOT } from './e2eEnv';

/** Specs that start an app server and a core of their own (e2e/prepare.ts builds their apps). */
const OWN_SERVERS = /\/(30|31|33|34|40|41|42|51)-[^/]*\.spec\.ts$/;
/**
 * Specs whose visible tabs refresh ahead of expiry: their timers race a 3-second token, and with
 * a second Chromium beside it one came late (e2e 23 met an expired token and its loading screen).
 */
const ALONE = /\/(17|23|25|26)-[^/]*\.spec\.ts$/;

/**
 * The projects `npm run test:e2e` runs one group after the other (unless it is given `--project`):
 * the specs of the shared server two at a time beside the ones with servers of their own, then
 * the ones that run alone.
 */
export const E2E_PHASES: readonly (readonly string[])[] = [['shared server', 'own servers'], ['alone']];

/**
 * Run through `npm run test:e2e` (arguments after `--` reach Playwright, e.g. `-- 05` or
 * `-- --repeat-each 3`): it builds the app and starts the embedded core + `next start` first.
 */
export default defineConfig({
  testDir: './specs',
  outputDir: path.join(REPO_ROOT, 'test-results', 'e2e'),
  globalSetup: './support/globalSetup.ts',
  // Two workers: each spec has its own Chromium profile and its own user, so specs of the shared
  // server run two at a time (a busy machine is what the specs are written for: their 3-second
  // tokens leave room for one). Specs that start servers of their own run one at a time, so two
  // `next start`s and their cores never start beside each other; `alone` runs by itself after
  // them (E2E_PHASES), with an output folder of its own (Playwright empties a run's folders).
  workers: 2,
  fullyParallel: false,
  projects: [
    { name: 'shared server', testIgnore: [OWN_SERVERS, ALONE] },
    { name: 'own servers', testMatch: OWN_SERVERS, workers: 1 },
    { name: 'alone', testMatch: ALONE, workers: 1, outputDir: path.join(REPO_ROOT, 'test-results', 'e2e-alone') },
  ],
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { baseURL: APP_ORIGIN },
});
