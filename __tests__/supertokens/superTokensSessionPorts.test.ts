import { superTokensSessionPorts } from 'ssr-session-flow/supertokens/client';

describe('superTokensSessionPorts: the way to sign in', () => {
  it('rejects, rather than waiting, where supertokens-auth-react is not set up in the document', async () => {
    await expect(superTokensSessionPorts().redirectToSignIn('/account')).rejects.toThrow(/init/i);
  });

  it('knows the sign-in page’s URL with the way back, at /auth unless told otherwise', () => {
    expect(superTokensSessionPorts().signInUrl('/account?tab=keys#api')).toBe('/auth?show=signin&redirectToPath=%2Faccount%3Ftab%3Dkeys%23api');
    expect(superTokensSessionPorts({ signInPath: '/login' }).signInUrl('/')).toBe('/login?show=signin&redirectToPath=%2F');
  });
});
