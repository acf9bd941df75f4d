import { accessTokenExpiresAt } from '../support/accessToken';
import { APP_ORIGIN } from '../e2eEnv';
import { signInThroughApi, signUpThroughUI } from '../support/auth';
import { expect, test } from '../support/fixtures';
import { loadingShellSightings } from '../support/loadingShellWatch';
import { statesSince } from '../support/sessionTrace';

/** The reload below must reach the server while the fresh access token is still valid. */
const MIN_TOKEN_LIFE_LEFT_MS = 1_000;

test('signing up lands on the protected page with the userId from getServerSideProps, and no loading UI ever shows', async ({
  page,
  context,
  requests,
}) => {
  const user = await signUpThroughUI(page);

  await expect(page).toHaveURL('/');
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  // The auth page checks no session (idle); the home page's server props said `ok`.
  expect(await statesSince(page)).toEqual(['idle', 'authenticated']);
  expect(await loadingShellSightings(page), 'no loading shell, not even for one frame').toEqual([]);

  // The same page rendered by the server (SSR verdict `ok`): no shell in the markup or after hydration.
  if ((await accessTokenExpiresAt(context)) - Date.now() < MIN_TOKEN_LIFE_LEFT_MS) {
    // On a busy machine the sign-up can take most of the token's three seconds: a fresh access
    // token of the same user (signed in from outside the browser) for the reload below.
    const { accessToken } = await signInThroughApi(user, 'signin');
    await context.addCookies([{ name: 'sAccessToken', value: accessToken, url: APP_ORIGIN, httpOnly: true, sameSite: 'Lax' }]);
  }
  const response = await page.reload({ waitUntil: 'load' });
  expect(await response?.text()).not.toContain('data-session-flow');
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  expect(await loadingShellSightings(page), 'no loading shell, not even for one frame').toEqual([]);
  // A new document starts in `authenticated` again: the trace stays as it was.
  expect(await statesSince(page)).toEqual(['idle', 'authenticated']);

  // Only after the sign-up: for a signed-out visitor the SDK itself probes the refresh endpoint (401) on /auth.
  const signUp = requests.all().findIndex((r) => r.method === 'POST' && r.path === '/api/auth/signup');
  expect(signUp).toBeGreaterThanOrEqual(0);
  expect(requests.ofKindSince('refresh', signUp), 'the machine never refreshed').toEqual([]);
  expect(requests.ofKind('data').map((r) => r.path)).toEqual([expect.stringMatching(/\/index\.json$/)]);
  expect(requests.ofKind('document').map((r) => r.path)).toEqual(['/auth', '/']);
});
