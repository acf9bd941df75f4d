import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { APP_ORIGIN, REPO_ROOT } from './e2eEnv';

/**
 * Run through `npm run test:e2e` (arguments after `--` reach Playwright, e.g. `-- 05` or
 * `-- --repeat-each 3`): it builds the app and starts the embedded core + `next start` first.
 */
export default defineConfig({
  testDir: './specs',
  outputDir: path.join(REPO_ROOT, 'test-results', 'e2e'),
  globalSetup: './support/globalSetup.ts',
  // One worker: the specs measure timings (retry backoff, token expiry) that two Chromiums
  // competing for 2 cores would blur.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { baseURL: APP_ORIGIN },
});
