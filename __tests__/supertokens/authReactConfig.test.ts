import { authReactConfig, type RedirectionContext } from 'ssr-session-flow/supertokens/client';

/** The spellings a link can carry in `?redirectToPath=` that a browser resolves to another host. */
const HOSTILE_TARGETS = [
  '/\\evil.example',
  '/.//evil.example',
  '/\\/evil.example',
  '//evil.example',
  '///evil.example',
  'https://evil.example',
  '/\t/evil.example',
  '/\r\n/evil.example',
  '\\\\evil.example',
  'javascript:alert(1)',
  'https:evil.example',
];

describe('authReactConfig: where supertokens-auth-react sends a user after sign-in', () => {
  const appInfo = { appName: 'app', apiDomain: 'http://localhost', websiteDomain: 'http://localhost' };
  const afterSignIn = (config: ReturnType<typeof authReactConfig>, redirectToPath: string | undefined) =>
    config.getRedirectionURL?.({ action: 'SUCCESS', redirectToPath }, undefined as never);

  it.each([
    ['/account?tab=keys#api', '/account?tab=keys#api'],
    ['account', '/account'],
    [undefined, '/'],
  ])('follows the way back %j as %j', async (target, expected) => {
    await expect(afterSignIn(authReactConfig({ appInfo }), target)).resolves.toBe(expected);
  });

  it.each(HOSTILE_TARGETS)('keeps a sign-in with redirectToPath=%j on this site', async (target) => {
    const landing = await afterSignIn(authReactConfig({ appInfo }), target);
    expect(landing).toMatch(/^\/(?![/\\])/);
    expect(new URL(landing ?? '', window.location.origin).origin).toBe(window.location.origin);
  });

  it('keeps the app’s own choice on this site too, and goes to the fallback path when it leaves', async () => {
    const getRedirectionURL = jest.fn(async (context: RedirectionContext) => (context.redirectToPath === 'new' ? '//evil.example' : '/welcome'));
    const config = authReactConfig({ appInfo, getRedirectionURL }, { fallbackPath: '/home' });
    await expect(afterSignIn(config, '/account')).resolves.toBe('/welcome');
    await expect(afterSignIn(config, 'new')).resolves.toBe('/home');
  });

  it('lets a sign-in return to an origin the app allows, and no other', async () => {
    const config = authReactConfig({ appInfo }, { allowedRedirectOrigins: ['https://app.example.com'] });
    await expect(afterSignIn(config, 'https://app.example.com/billing?x=1')).resolves.toBe('https://app.example.com/billing?x=1');
    await expect(afterSignIn(config, 'https://app.example.com.evil.example/')).resolves.toBe('/');
  });

  it('leaves a null from the app alone: the app handles that redirect itself', async () => {
    const config = authReactConfig({ appInfo, getRedirectionURL: async () => null });
    await expect(afterSignIn(config, '/account')).resolves.toBeNull();
  });

  it('leaves every other redirect to the app and the SDK', async () => {
    const getRedirectionURL = jest.fn(async (context: RedirectionContext) => (context.action === 'TO_AUTH' ? '/sign-in' : undefined));
    const config = authReactConfig({ appInfo, getRedirectionURL });
    await expect(config.getRedirectionURL?.({ action: 'TO_AUTH' }, undefined as never)).resolves.toBe('/sign-in');
    await expect(authReactConfig({ appInfo }).getRedirectionURL?.({ action: 'VERIFY_EMAIL' }, undefined as never)).resolves.toBeUndefined();
  });

  it('keeps the rest of the app’s config as it is', () => {
    const recipeList = [jest.fn()];
    const config = authReactConfig({ appInfo, recipeList, useShadowDom: false });
    expect(config).toMatchObject({ appInfo, recipeList, useShadowDom: false });
  });
});
