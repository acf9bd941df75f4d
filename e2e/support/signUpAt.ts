import { type Page } from '@playwright/test';
import { newCredentials, type Credentials } from './auth';

/**
 * Signs up through the prebuilt UI of the app at `origin` and returns the new user's id, without
 * assuming where the app goes next (with email verification on, it asks for the email first).
 */
export async function submitSignUp(page: Page, origin: string, credentials: Credentials = newCredentials()) {
  await page.goto(`${origin}/auth`, { waitUntil: 'load' });
  await page.getByText('Sign Up', { exact: true }).click();
  await page.locator('input[name=email]').fill(credentials.email);
  await page.locator('input[name=password]').fill(credentials.password);
  const answer = page.waitForResponse(
    (response) => new URL(response.url()).pathname === '/api/auth/signup' && response.request().method() === 'POST',
  );
  await page.locator('button[type=submit]').click();
  const body = (await (await answer).json()) as { status?: string; user?: { id?: string } };
  if (body.status !== 'OK' || typeof body.user?.id !== 'string') throw new Error(`Sign-up did not succeed: ${JSON.stringify(body)}`);
  return { ...credentials, userId: body.user.id };
}
