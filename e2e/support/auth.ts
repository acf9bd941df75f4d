import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { APP_ORIGIN } from '../e2eEnv';

export interface Credentials {
  email: string;
  password: string;
}

export interface SignedUpUser extends Credentials {
  userId: string;
}

/** Every spec signs up its own user, so specs share nothing but the server. */
export function newCredentials(): Credentials {
  return { email: `e2e-${randomUUID()}@example.com`, password: `e2e-${randomUUID().slice(0, 8)}-Pw1` };
}

/**
 * Signs up through the prebuilt UI of the app at `origin` (the spec's own app by default) and
 * returns the new user, without assuming where the app goes next (with email verification on, it
 * asks for the email first). The userId comes from the sign-up API's answer, so specs can compare
 * it with what the page shows.
 */
export async function submitSignUp(page: Page, origin = '', credentials = newCredentials()): Promise<SignedUpUser> {
  await page.goto(`${origin}/auth`, { waitUntil: 'load' });
  await page.getByText('Sign Up', { exact: true }).click();
  // The sign-up form replaces the sign-in form: filled before it did (a busy machine, soak seed
  // 7065), the fields went with the old form, and the empty one was refused without a request.
  const submit = page.locator('button[type=submit]');
  await expect(submit).toHaveText(/sign up/i);
  await page.locator('input[name=email]').fill(credentials.email);
  await page.locator('input[name=password]').fill(credentials.password);
  await expect(page.locator('input[name=email]')).toHaveValue(credentials.email);
  // Read the answer as it passes: an app that navigates with a document load right after
  // (no client-side router) takes the response body with it.
  const isSignUp = (url: URL) => url.pathname === '/api/auth/signup';
  const answer = new Promise<unknown>((resolve, reject) => {
    void page.route(isSignUp, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      try {
        // No deadline of its own (the context's default is short): the sign-up's caller has one.
        // Under load the core's password hashing alone took longer (soak seed 5077).
        const response = await route.fetch({ timeout: 0 });
        resolve(await response.json());
        await route.fulfill({ response });
      } catch (error) {
        reject(error);
      }
    });
  });
  await submit.click();
  // A form the UI refuses sends nothing: say what it said instead of waiting for an answer.
  const refused = page
    .locator(FORM_ERRORS)
    .first()
    .waitFor({ state: 'visible', timeout: REFUSAL_WATCH_MS })
    .then(async () => {
      throw new Error(`The sign-up form refused: ${(await page.locator(FORM_ERRORS).allInnerTexts()).join('; ')}`);
    });
  refused.catch(() => undefined); // after an answer it ends unheard, by its timeout or the page's close
  const body = await Promise.race([answer, refused]);
  await page.unroute(isSignUp);
  return { ...credentials, userId: readUserId(body) };
}

/** How long a sign-up watches its form for a refusal: longer than any caller waits for the answer. */
const REFUSAL_WATCH_MS = 120_000;

/** supertokens-auth-react's messages for a field or a form it refuses. */
const FORM_ERRORS = '[data-supertokens~="inputErrorMessage"], [data-supertokens~="generalError"]';

/** Signs up on this spec's app and waits until the protected home page shows the user. */
export async function signUpThroughUI(page: Page, credentials = newCredentials()): Promise<SignedUpUser> {
  const user = await submitSignUp(page, '', credentials);
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
  return user;
}

/** Fills and submits the sign-in form the auth page is showing. */
export async function signInThroughUI(page: Page, credentials: Credentials): Promise<void> {
  await page.locator('input[name=email]').fill(credentials.email);
  await page.locator('input[name=password]').fill(credentials.password);
  await page.locator('button[type=submit]').click();
}

function readUserId(body: unknown): string {
  const user = typeof body === 'object' && body !== null ? (body as { status?: unknown; user?: { id?: unknown } }) : {};
  if (user.status !== 'OK' || typeof user.user?.id !== 'string') {
    throw new Error(`Sign-up did not succeed: ${JSON.stringify(body)}`);
  }
  return user.user.id;
}

export interface ApiSession extends SignedUpUser {
  /** A valid access token of a session of its own, as another app on the host could plant it. */
  accessToken: string;
}

/**
 * Signs up (or, with `credentials` already signed up, in) through the app's API from outside any
 * browser, in header mode, so the session's access token comes back for a spec to plant.
 */
export async function signInThroughApi(credentials = newCredentials(), endpoint: 'signup' | 'signin' = 'signup'): Promise<ApiSession> {
  const response = await fetch(`${APP_ORIGIN}/api/auth/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', rid: 'emailpassword', 'st-auth-mode': 'header' },
    body: JSON.stringify({ formFields: [{ id: 'email', value: credentials.email }, { id: 'password', value: credentials.password }] }),
  });
  const accessToken = response.headers.get('st-access-token');
  const userId = readUserId(await response.json());
  if (!accessToken) throw new Error(`The ${endpoint} answer carried no st-access-token header`);
  return { ...credentials, userId, accessToken };
}
