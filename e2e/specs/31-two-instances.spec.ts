import type { BrowserContext } from '@playwright/test';
import { startEmbeddedCore, type EmbeddedCore } from 'ssr-session-flow-embedded-core';
import {
  ACCESS_TOKEN_LIFETIME_SECONDS,
  CLUSTER_CORE_PORT,
  CLUSTER_INSTANCE_PORTS,
  CLUSTER_ORIGIN,
  CLUSTER_PROXY_PORT,
} from '../e2eEnv';
import { accessTokenKid } from '../support/accessTokenKid';
import { waitForAccessTokenExpiry } from '../support/accessToken';
import { expect, test } from '../support/fixtures';
import { REFRESH_PATH } from '../support/requestLog';
import { ROUTE_TO_HEADER, startRoundRobinProxy, type RoundRobinProxy } from '../support/roundRobinProxy';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { clusterBuildEnv } from '../prepare';
import { submitSignUp } from '../support/auth';

/**
 * Two `next start` instances of one build and one core, behind a round-robin proxy: the SSR check
 * keeps no state of its own, so any instance serves any request. The core runs in this process on
 * an offset clock, so the spec can move it past a signing-key rotation.
 */
const HOUR_MS = 3_600_000;
const clock = { offsetMs: 0, now: () => Date.now() + clock.offsetMs };
let core: EmbeddedCore | undefined;
let instances: ServerProcess[] = [];
let proxy: RoundRobinProxy | undefined;

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  const env = clusterBuildEnv();
  core = await startEmbeddedCore({
    port: CLUSTER_CORE_PORT,
    clock,
    config: { accessTokenValiditySeconds: ACCESS_TOKEN_LIFETIME_SECONDS, signingKeyUpdateIntervalHours: 1 },
  });
  const serverEnv: NodeJS.ProcessEnv = { ...env, SUPERTOKENS_CONNECTION_URI: core.url, SUPERTOKENS_EMAIL_DELIVERY: 'log' };
  delete serverEnv.SUPERTOKENS_API_KEY;
  const next = require.resolve('next/dist/bin/next');
  const startInstance = (port: number, index: number) => {
    const args = [next, 'start', '-p', String(port), '-H', '127.0.0.1'];
    return startServerProcess(`e2e-cluster-instance-${index}`, args, serverEnv, `http://127.0.0.1:${port}/about`);
  };
  instances = await Promise.all(CLUSTER_INSTANCE_PORTS.map(startInstance));
  proxy = await startRoundRobinProxy(CLUSTER_PROXY_PORT, CLUSTER_INSTANCE_PORTS);
});

test.afterAll(async () => {
  await proxy?.close();
  await Promise.all(instances.map((instance) => instance.stop()));
  await core?.close();
});

test('a session made through one instance is read, refreshed and revoked through the other, and both pick up a key rotation', async ({
  page,
  context,
}) => {
  const userId = page.getByTestId('user-id');

  // Created through instance 0.
  await pinTo(context, 0);
  const user = await submitSignUp(page, CLUSTER_ORIGIN);
  await expect(userId).toHaveText(user.userId);
  expect(servedBy('POST', '/api/auth/signup')).toEqual([{ instance: 0, status: 200 }]);
  const firstKid = await accessTokenKid(context);

  // Read through both, unpinned: page loads take turns.
  await pinTo(context, undefined);
  let mark = proxyLog().length;
  for (let reload = 0; reload < 4; reload += 1) {
    await page.reload({ waitUntil: 'load' });
    await expect(userId).toHaveText(user.userId);
  }
  const pageLoads = servedBy('GET', '/', mark);
  expect(new Set(pageLoads.map((load) => load.instance))).toEqual(new Set([0, 1]));
  expect(pageLoads.every((load) => load.status === 200)).toBe(true);

  // The core rotates its signing key; the expired session is refreshed through instance 1, which
  // then accepts the access token signed with the new key.
  clock.offsetMs = HOUR_MS + 5_000;
  await pinTo(context, 1);
  await waitForAccessTokenExpiry(context);
  mark = proxyLog().length;
  await page.reload({ waitUntil: 'load' });
  await expect(userId).toHaveText(user.userId);
  expect(servedBy('POST', REFRESH_PATH, mark)).toEqual([{ instance: 1, status: 200 }]);
  const rotatedKid = await accessTokenKid(context);
  expect(rotatedKid).not.toBe(firstKid);

  // Instance 0 accepts the new key too: no refresh needed.
  await pinTo(context, 0);
  mark = proxyLog().length;
  await page.reload({ waitUntil: 'load' });
  await expect(userId).toHaveText(user.userId);
  expect(servedBy('GET', '/', mark)).toEqual([{ instance: 0, status: 200 }]);
  expect(servedBy('POST', REFRESH_PATH, mark)).toEqual([]);

  // Revoked through instance 1: instance 0 then refuses the same refresh token.
  const cookiesBeforeSignOut = await context.cookies(CLUSTER_ORIGIN);
  await pinTo(context, 1);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/auth');
  // The sign-in page checks for a session when it mounts: let it find none before the old
  // cookies come back, or it sends this tab home with them (a second refresh to count).
  await expect(page.locator('input[name=email]')).toBeVisible();
  expect(servedBy('POST', '/api/auth/signout')).toEqual([{ instance: 1, status: 200 }]);
  await expect(sessionHandlesOf(user.userId)).resolves.toEqual([]);
  await context.addCookies(cookiesBeforeSignOut.filter((cookie) => cookie.name !== 'sAccessToken'));
  await pinTo(context, 0);
  mark = proxyLog().length;
  await page.goto(`${CLUSTER_ORIGIN}/`, { waitUntil: 'load' });
  await expect(page).toHaveURL((url) => url.pathname === '/auth');
  expect(servedBy('POST', REFRESH_PATH, mark)).toEqual([{ instance: 0, status: 401 }]);
});

async function pinTo(context: BrowserContext, instance: number | undefined): Promise<void> {
  await context.setExtraHTTPHeaders(instance === undefined ? {} : { [ROUTE_TO_HEADER]: String(instance) });
}

function proxyLog() {
  if (!proxy) throw new Error('the proxy starts in beforeAll');
  return proxy.log;
}

function servedBy(method: string, path: string, since = 0) {
  return proxyLog()
    .slice(since)
    .filter((entry) => entry.method === method && entry.path === path)
    .map(({ instance, status }) => ({ instance, status }));
}

async function sessionHandlesOf(userId: string): Promise<string[]> {
  if (!core) throw new Error('the core starts in beforeAll');
  const response = await core.app.handle({
    method: 'GET',
    path: '/recipe/session/user',
    query: new URLSearchParams({ userId }),
    headers: {},
    body: '',
  });
  return (JSON.parse(response.body) as { sessionHandles: string[] }).sessionHandles;
}
