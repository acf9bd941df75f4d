import { frontendConfig } from '../../config/frontendConfig';

type RedirectContext = Parameters<NonNullable<ReturnType<typeof frontendConfig>['getRedirectionURL']>>[0];

/** After sign-in, the prebuilt UI asks where to go; `redirectToPath` comes from the URL. */
describe('frontend config: where sign-in sends the user', () => {
  const afterSignIn = (redirectToPath: string | undefined) =>
    frontendConfig().getRedirectionURL?.(
      { action: 'SUCCESS', redirectToPath, newSessionCreated: true, createdNewUser: false, recipeId: 'emailpassword', tenantIdFromQueryParams: undefined } as unknown as RedirectContext,
      {},
    );

  it.each([
    ['/account?tab=keys#api', '/account?tab=keys#api'],
    [undefined, '/'],
  ])('returns %j as %j', async (target, expected) => {
    await expect(afterSignIn(target)).resolves.toBe(expected);
  });

  it.each(['/\\evil.example', '//evil.example', 'https://evil.example/', 'javascript:alert(1)'])(
    'sends %j home instead of off-site',
    async (target) => {
      await expect(afterSignIn(target)).resolves.toBe('/');
    },
  );

  it('leaves every other redirect to the SDK', async () => {
    await expect(
      frontendConfig().getRedirectionURL?.({ action: 'TO_AUTH' } as unknown as RedirectContext, {}),
    ).resolves.toBeUndefined();
  });
});
