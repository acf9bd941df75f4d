import { CC_APP_PORT, CC_CORE_PORT, CC_ORIGIN, TEST_RUN_OPT_INS } from '../e2eEnv';
import { cacheComponentsBuildEnv } from '../prepare';
import { waitForAccessTokenExpiry } from '../support/accessToken';
import { submitSignUp } from '../support/auth';
import { expect, test } from '../support/fixtures';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { statesSince, traceMark } from '../support/sessionTrace';

/**
 * The demo built with `cacheComponents: true` (made before the specs run, e2e/prepare.ts): Next 16
 * keeps a visited route alive under `<Activity mode="hidden">` and shows it again on Back, so the
 * protected layout's boundary is hidden and shown instead of unmounted. Its flow must come back
 * working: a verdict that follows still recovers.
 */
let server: ServerProcess | undefined;

test.beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...cacheComponentsBuildEnv(), ...TEST_RUN_OPT_INS, EMBEDDED_CORE_PORT: String(CC_CORE_PORT), EMBEDDED_CORE_DATA_FILE: '', ACCESS_TOKEN_VALIDITY: '3' };
  delete env.SUPERTOKENS_CONNECTION_URI;
  delete env.SUPERTOKENS_API_KEY;
  const args = ['--import', 'tsx', 'scripts/start.ts', '--port', String(CC_APP_PORT)];
  server = await startServerProcess('e2e-cache-components-server', args, env, `${CC_ORIGIN}/about`);
});

test.afterAll(async () => {
  await server?.stop();
});

test('protected page → public page → Back → the token expires → the next protected page recovers: one refresh, no document load', async ({
  page,
  context,
  requests,
}) => {
  const user = await submitSignUp(page, CC_ORIGIN);
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  await page.goto(`${CC_ORIGIN}/app-router`, { waitUntil: 'load' });
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  await page.getByRole('link', { name: 'About' }).click();
  await expect(page).toHaveURL(`${CC_ORIGIN}/app-router/about`);
  await page.goBack();
  await expect(page).toHaveURL(`${CC_ORIGIN}/app-router`);
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  await waitForAccessTokenExpiry(context, CC_ORIGIN);
  const mark = await traceMark(page);
  const requestMark = requests.mark();

  await page.getByRole('link', { name: 'Account' }).click();

  await expect(page.getByRole('heading', { name: 'Account (App Router)' })).toBeVisible();
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  await expect.poll(() => statesSince(page, mark)).toEqual(['refreshing', 'reloading.soft', 'authenticated']);
  expect(requests.ofKindSince('refresh', requestMark).map((r) => r.status)).toEqual([200]);
  expect(requests.ofKindSince('document', requestMark)).toEqual([]);
});
