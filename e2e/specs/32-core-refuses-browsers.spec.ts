import { randomUUID } from 'node:crypto';
import { CORE_URL } from '../e2eEnv';
import { expect, test } from '../support/fixtures';

/**
 * A web page can send a "simple" request (no CORS preflight) to anything the browser can reach,
 * the core on loopback included. The core refuses such requests, so a page cannot sign anyone
 * up, or act on sessions, behind the app's back.
 */
test('a page cannot make the core act: a no-cors text/plain sign-up from the browser creates no user', async ({ page }) => {
  const email = `browser-${randomUUID()}@example.com`;
  await page.goto('/about', { waitUntil: 'load' });

  const sent = await page.evaluate(
    async ({ url, body }) => {
      const response = await fetch(url, { method: 'POST', mode: 'no-cors', body });
      return response.type;
    },
    { url: `${CORE_URL}/public/recipe/signup`, body: JSON.stringify({ email, password: 'correct-horse-1' }) },
  );

  expect(sent, 'the browser sent it and got an opaque answer').toBe('opaque');
  await expect.poll(() => usersWithEmail(email)).toEqual([]);
});

async function usersWithEmail(email: string): Promise<unknown[]> {
  const query = new URLSearchParams({ email, doUnionOfAccountInfo: 'true' });
  const response = await fetch(`${CORE_URL}/public/users/by-accountinfo?${query}`, { headers: { 'cdi-version': '5.4' } });
  return ((await response.json()) as { users: unknown[] }).users;
}
