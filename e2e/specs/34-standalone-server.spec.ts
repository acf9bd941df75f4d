import path from 'node:path';
import { startEmbeddedCore, type EmbeddedCore } from 'ssr-session-flow-embedded-core';
import {
  REPO_ROOT,
  STANDALONE_CORE_PORT,
  STANDALONE_DIST_DIR,
  STANDALONE_ORIGIN,
  STANDALONE_PORT,
} from '../e2eEnv';
import { expect, test } from '../support/fixtures';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { submitSignUp } from '../support/auth';

/**
 * What the Dockerfile's last stage runs: Next's standalone server (`NEXT_OUTPUT=standalone`) with
 * the static files copied next to it, as `node server.js`, no launcher, production settings from
 * the environment. Keep the copy in e2e/prepare.ts in step with the Dockerfile's COPY lines.
 */
let core: EmbeddedCore | undefined;
let server: ServerProcess | undefined;

test.beforeAll(async () => {
  // Built before the specs run, static files copied as the Dockerfile does (e2e/prepare.ts).
  const standalone = path.join(REPO_ROOT, STANDALONE_DIST_DIR, 'standalone');
  core = await startEmbeddedCore({ port: STANDALONE_CORE_PORT });
  const serverEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PORT: String(STANDALONE_PORT),
    HOSTNAME: '127.0.0.1',
    SUPERTOKENS_CONNECTION_URI: core.url,
    SUPERTOKENS_EMAIL_DELIVERY: 'log',
  };
  server = await startServerProcess('e2e-standalone-server', [path.join(standalone, 'server.js')], serverEnv, `${STANDALONE_ORIGIN}/about`);
});

test.afterAll(async () => {
  await server?.stop();
  await core?.close();
});

test('the standalone server signs a user up and renders the protected page from the session', async ({ page }) => {
  const user = await submitSignUp(page, STANDALONE_ORIGIN);
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);

  const response = await page.reload({ waitUntil: 'load' });

  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
});
