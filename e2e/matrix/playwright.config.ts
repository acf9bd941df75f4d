import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { REPO_ROOT } from '../e2eEnv';

/** `npm run test:matrix`: the consumer apps of the compatibility matrix, built before Playwright starts (matrix/run.ts). */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: path.join(REPO_ROOT, 'test-results', 'matrix'),
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
});
