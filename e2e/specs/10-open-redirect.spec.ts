import { newCredentials, signInThroughUI, signUpThroughUI } from '../support/auth';
import { expect, test } from '../support/fixtures';

/**
 * `/auth?redirectToPath=…` is attacker-controlled. Whatever it says, signing in lands on this
 * origin and runs no script. Two layers stand in the way: supertokens-auth-react normalises the
 * target into a path, and `getRedirectionURL` in config/frontendConfig.ts resolves it with the URL
 * parser and refuses other origins (unit-tested in __tests__/client/frontendConfig.test.ts). This
 * spec guards the whole chain, so an SDK upgrade that loosens its layer cannot go unnoticed.
 */
const HOSTILE_TARGETS = [
  '/\\evil.example',
  '//evil.example/x',
  'https://evil.example/',
  'javascript:alert(1)',
  // Same-origin URLs whose path starts with `//` once dot segments are resolved.
  '/.//evil.example',
  '/%2e//evil.example',
  '/a/..//evil.example',
  '/./\\evil.example',
];

for (const target of HOSTILE_TARGETS) {
  test(`signing in with redirectToPath=${target} stays on this origin`, async ({ page, baseURL }) => {
    const credentials = newCredentials();
    await signUpThroughUI(page, credentials);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/auth');
    const offSite: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).hostname === 'evil.example') offSite.push(request.url());
    });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await page.goto(`/auth?redirectToPath=${encodeURIComponent(target)}`, { waitUntil: 'load' });
    await signInThroughUI(page, credentials);

    await expect(page).not.toHaveURL((url) => url.pathname.startsWith('/auth'));
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? '').origin);
    expect(offSite).toEqual([]);
    expect(dialogs).toEqual([]);
  });
}
