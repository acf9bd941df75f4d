import type { Page, Request, Route } from '@playwright/test';
import { waitForAccessTokenExpiry } from '../support/accessToken';
import { signUpThroughUI } from '../support/auth';
import { revokeAllSessions } from '../support/core';
import { expect, test } from '../support/fixtures';
import { REFRESH_PATH } from '../support/requestLog';

/**
 * The way to sign in has no dead end. A session that is gone sends the user to sign in; when the
 * router never gets there (its request for the sign-in page does not come back), the flow loads
 * the sign-in page as a document after its deadline, and when even that does not leave the page
 * it shows a link that works. The page's clock is Playwright's, so the deadlines pass without
 * waiting them out. (An aborted document load would show the browser's error page instead,
 * which no page can prevent.)
 */
const ROUTER_DEADLINE_MS = 8_000;
const DOCUMENT_DEADLINE_MS = 15_000;

const held: Route[] = [];

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

test.afterEach(async () => {
  await Promise.all(held.splice(0).map((route) => route.abort().catch(() => undefined)));
});

test('App Router: the router’s request for the sign-in page never answers, so it loads as a document, way back kept', async ({
  page,
  context,
}) => {
  const target = '/app-router/account?tab=billing#plan';
  await sessionGone(page, context);
  const stalled = await holdFirst(page, (request) => isSignInPage(request) && request.resourceType() !== 'document', 1);

  await page.goto(target, { waitUntil: 'load' });
  await expect.poll(() => stalled.count()).toBe(1);
  await page.clock.fastForward(ROUTER_DEADLINE_MS);

  await expectSignInPageFor(page, target);
});

test('App Router: neither the router nor the document load leaves the page, so a link does, and it works', async ({ page, context }) => {
  const target = '/app-router/account?tab=billing#plan';
  await sessionGone(page, context);
  const refresh = await holdFirst(page, (request) => new URL(request.url()).pathname === REFRESH_PATH, 1);
  await page.goto(target, { waitUntil: 'load' });
  // The page refuses to be left (a form with unsaved work), so both ways to sign in are cancelled;
  // set up while the refresh is held, before the flow learns that the session is gone.
  await page.locator('body').click();
  await page.evaluate(() => window.addEventListener('beforeunload', (event) => event.preventDefault()));
  const refusals = refuseToLeave(page, 2);
  await expect.poll(() => refresh.count()).toBe(1);
  await held.shift()?.fallback();

  await expect.poll(() => refusals.count()).toBe(1);
  await page.clock.fastForward(ROUTER_DEADLINE_MS);
  await expect.poll(() => refusals.count()).toBe(2);
  await page.clock.fastForward(DOCUMENT_DEADLINE_MS);

  const link = page.getByRole('link', { name: 'Go to sign in' });
  await expect(link).toBeVisible();
  await expect(link).toBeFocused();
  await expect(page.getByRole('link', { name: 'About' }), 'the app’s own navigation is still there').toBeVisible();
  await link.click();
  await expectSignInPageFor(page, target);
});

/** A user whose session was revoked on the backend and whose access token has expired. */
async function sessionGone(page: Page, context: Parameters<typeof waitForAccessTokenExpiry>[0]): Promise<void> {
  const user = await signUpThroughUI(page);
  await revokeAllSessions(user.userId);
  await waitForAccessTokenExpiry(context);
}

/** Dismisses the first `times` "leave this page?" prompts (the user stays), accepts the rest. */
function refuseToLeave(page: Page, times: number): { count(): number } {
  let count = 0;
  page.on('dialog', (dialog) => {
    if (dialog.type() !== 'beforeunload') return;
    if (count < times) {
      count += 1;
      void dialog.dismiss();
    } else void dialog.accept();
  });
  return { count: () => count };
}

function isSignInPage(request: Request): boolean {
  return new URL(request.url()).pathname === '/auth';
}

/** Leaves the first `times` requests that `matches` unanswered (until the test ends); lets the rest through. */
async function holdFirst(page: Page, matches: (request: Request) => boolean, times: number): Promise<{ count(): number }> {
  let count = 0;
  await page.route('**/*', async (route) => {
    if (count < times && matches(route.request())) {
      count += 1;
      held.push(route);
      return;
    }
    await route.fallback();
  });
  return { count: () => count };
}

async function expectSignInPageFor(page: Page, target: string): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname === '/auth');
  expect(new URL(page.url()).searchParams.get('redirectToPath')).toBe(target);
  await expect(page.locator('input[name=email]')).toBeVisible();
}
