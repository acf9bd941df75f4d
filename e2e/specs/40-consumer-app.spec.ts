import path from 'node:path';
import { startEmbeddedCore, type EmbeddedCore } from '../../embedded-core';
import { ACCESS_TOKEN_LIFETIME_SECONDS, CONSUMER_CORE_PORT, CONSUMER_DIR, CONSUMER_ORIGIN, CONSUMER_PORT } from '../e2eEnv';
import { waitForAccessTokenExpiry } from '../support/accessToken';
import { submitSignUp } from '../support/auth';
import { installAndBuildConsumer } from '../support/consumerApp';
import { expect, test } from '../support/fixtures';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';

/**
 * examples/consumer: a stranger's app, with the kit installed from its packed tarball and wired in
 * the fewest lines we know (the README's "Add it to your app" shows these very files).
 */
let core: EmbeddedCore | undefined;
let app: ServerProcess | undefined;

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_PUBLIC_ORIGIN: CONSUMER_ORIGIN, NEXT_TELEMETRY_DISABLED: '1' };
  installAndBuildConsumer(env);
  core = await startEmbeddedCore({ port: CONSUMER_CORE_PORT, config: { accessTokenValiditySeconds: ACCESS_TOKEN_LIFETIME_SECONDS } });
  const next = path.join(CONSUMER_DIR, 'node_modules', 'next', 'dist', 'bin', 'next');
  app = await startServerProcess(
    'e2e-consumer',
    [next, 'start', '-p', String(CONSUMER_PORT)],
    { ...env, SUPERTOKENS_CONNECTION_URI: core.url },
    `${CONSUMER_ORIGIN}/auth`,
    CONSUMER_DIR,
  );
});

test.afterAll(async () => {
  await app?.stop();
  await core?.close();
});

test('the example app: sign up, the token expires, recovery without a document reload, sign out', async ({ page, context, requests }) => {
  const user = await submitSignUp(page, CONSUMER_ORIGIN);
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  // Cookies on localhost ignore the port: the jar's token is the consumer's.
  await waitForAccessTokenExpiry(context);
  const mark = requests.mark();

  await page.reload({ waitUntil: 'load' });

  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  expect(requests.ofKindSince('refresh', mark).map((r) => r.status)).toEqual([200]);
  expect(requests.ofKindSince('data', mark), 'one soft re-run of the server props').toHaveLength(1);
  expect(requests.ofKindSince('document', mark), 'the reload the test made, and no other').toHaveLength(1);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/auth');
  await expect(page.locator('input[name=email]')).toBeVisible();
});
