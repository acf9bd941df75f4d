import { waitForAccessTokenExpiry } from '../support/accessToken';
import { newCredentials, signInThroughUI, submitSignUp } from '../support/auth';
import { expect, test } from '../support/fixtures';
import { clickWhenHydrated } from '../support/hydration';
import { originOf, type ConsumerBuild, type ConsumerCell } from './consumerCells';
import { startConsumerServer, type ConsumerServer } from './consumerServer';

/**
 * What every consumer app must do, whatever the versions it runs: the same spec for the example
 * (e2e 40, 41) and for each cell of the compatibility matrix.
 */
export function describeConsumerRecovery(cell: ConsumerCell, build: ConsumerBuild): void {
  test.describe(`${cell.title}, ${build.bundler}`, () => {
    const server = serveDuringDescribe(cell, build);

    test('pages router: sign up, the token expires, recovery without a document reload, sign out', async ({ page, context, requests }) => {
      const origin = server.origin();
      const user = await submitSignUp(page, origin);
      await expect(page.getByTestId('user-id')).toHaveText(user.userId);
      await waitForAccessTokenExpiry(context, origin);
      const mark = requests.mark();

      await page.reload({ waitUntil: 'load' });

      await expect(page.getByTestId('user-id')).toHaveText(user.userId);
      expect(requests.ofKindSince('refresh', mark).map((r) => r.status)).toEqual([200]);
      expect(requests.ofKindSince('data', mark), 'one soft re-run of the server props').toHaveLength(1);
      expect(requests.ofKindSince('document', mark), 'the reload the test made, and no other').toHaveLength(1);

      await clickWhenHydrated(page.getByRole('button', { name: 'Sign out' }));
      await expect(page).toHaveURL((url) => url.pathname === '/auth');
      await expect(page.locator('input[name=email]')).toBeVisible();
    });

    if (!cell.routers.includes('app')) return;

    test('App Router: the token expires, recovery without a document reload, sign out', async ({ page, context, requests }) => {
      const origin = server.origin();
      const user = await submitSignUp(page, origin);
      await expect(page.getByTestId('user-id')).toHaveText(user.userId);
      await page.goto(`${origin}/dashboard`, { waitUntil: 'load' });
      await expect(page.getByTestId('user-id')).toHaveText(user.userId);
      await waitForAccessTokenExpiry(context, origin);
      const mark = requests.mark();

      await page.reload({ waitUntil: 'load' });

      await expect(page.getByTestId('user-id')).toHaveText(user.userId);
      expect(requests.ofKindSince('refresh', mark).map((r) => r.status)).toEqual([200]);
      expect(requests.ofKindSince('rsc', mark).length, 'router.refresh() fetched the server components').toBeGreaterThanOrEqual(1);
      expect(requests.ofKindSince('document', mark), 'the reload the test made, and no other').toHaveLength(1);

      await clickWhenHydrated(page.getByRole('button', { name: 'Sign out' }));
      await expect(page).toHaveURL((url) => url.pathname === '/auth');
      await expect(page.locator('input[name=email]')).toBeVisible();
    });
  });
}

/** `?redirectToPath=` spellings that browsers resolve to another host, in the forms links carry them. */
export const HOSTILE_RETURN_PATHS = [
  '/\\evil.example',
  '/.//evil.example',
  '/\\/evil.example',
  '//evil.example',
  'https://evil.example',
  '/\t/evil.example',
  '/\r\n/evil.example',
] as const;

export function describeConsumerOpenRedirect(cell: ConsumerCell, build: ConsumerBuild): void {
  test.describe(`${cell.title}, ${build.bundler}: signing in with a hostile redirectToPath`, () => {
    const server = serveDuringDescribe(cell, build);

    test('stays on the site for every spelling of another host', async ({ page }) => {
      test.setTimeout(120_000);
      const origin = server.origin();
      const credentials = newCredentials();
      await submitSignUp(page, origin, credentials);
      await expect(page.getByTestId('user-id')).toBeVisible();
      const offSite: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).hostname.endsWith('evil.example')) offSite.push(request.url());
      });

      for (const target of HOSTILE_RETURN_PATHS) {
        await test.step(JSON.stringify(target), async () => {
          await clickWhenHydrated(page.getByRole('button', { name: 'Sign out' }));
          await expect(page.locator('input[name=email]')).toBeVisible();
          await page.goto(`${origin}/auth?redirectToPath=${encodeURIComponent(target)}`, { waitUntil: 'load' });
          await signInThroughUI(page, credentials);

          await expect(page).not.toHaveURL((url) => url.pathname.startsWith('/auth'));
          expect(new URL(page.url()).origin).toBe(origin);
          expect(offSite).toEqual([]);
          await page.goto(`${origin}/`, { waitUntil: 'load' });
        });
      }
    });
  });
}

/** Starts the build's server (and core) before the describe's tests, stops it after. */
function serveDuringDescribe(cell: ConsumerCell, build: ConsumerBuild): { origin(): string } {
  let server: ConsumerServer | undefined;
  test.beforeAll(async () => {
    server = await startConsumerServer(cell, build);
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  return { origin: () => server?.origin ?? originOf(build) };
}
