import { authReactConfig, superTokensSessionPorts } from 'ssr-session-flow/supertokens/client';

describe('superTokensSessionPorts: the way to sign in', () => {
  it('goes to the sign-in page with the router where auth-react was not set up in this document', async () => {
    const navigate = jest.fn();
    await superTokensSessionPorts().redirectToSignIn('/account?tab=keys#api', navigate);
    expect(navigate).toHaveBeenCalledWith('/auth?show=signin&redirectToPath=%2Faccount%3Ftab%3Dkeys%23api');
  });

  it('uses auth-react’s own redirect where authReactConfig set it up, and rejects rather than waits when its init never ran', async () => {
    authReactConfig({ appInfo: {} });
    const navigate = jest.fn();
    await expect(superTokensSessionPorts().redirectToSignIn('/account', navigate)).rejects.toThrow(/init/i);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('knows the sign-in page’s URL with the way back, at /auth unless told otherwise', () => {
    expect(superTokensSessionPorts().signInUrl('/account?tab=keys#api')).toBe('/auth?show=signin&redirectToPath=%2Faccount%3Ftab%3Dkeys%23api');
    expect(superTokensSessionPorts({ signInPath: '/login' }).signInUrl('/')).toBe('/login?show=signin&redirectToPath=%2F');
  });
});
