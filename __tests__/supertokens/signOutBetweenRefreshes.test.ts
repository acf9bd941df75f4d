import { signOut, superTokensSessionPorts } from 'ssr-session-flow/supertokens/client';
import { answer, cookie, frontToken, signedIn, useRealWebsiteSdk } from '../support/websiteSdkFakes';

/**
 * A sign-out while another tab's refresh is in flight (soak seed 5016): the SDK's sign-out takes
 * no lock, the refresh is answered after it, and its rotated tokens land back in the shared
 * cookies of a session the server has just revoked. The kit's sign-outs (the app's button, and the
 * flow's "Sign in again") wait for the refresh's lock, against the real supertokens-website.
 */
const SIGN_OUT_URL = 'http://localhost/api/auth/signout';
const REFRESH_URL = 'http://localhost/api/auth/session/refresh';
const REFRESH_LOCK_KEY = 'REFRESH_TOKEN_USE';
const { fetchMock, lock } = useRealWebsiteSdk();
const urls = () => fetchMock.mock.calls.map(([url]) => String(url));
const ports = superTokensSessionPorts();

describe.each([
  ['the kit’s signOut (the app’s button)', () => signOut()],
  ['the flow’s sign-out port ("Sign in again")', () => ports.signOut()],
])('%s', (_name, signOutNow) => {
  it('waits while another tab holds the refresh lock, then signs out', async () => {
    signedIn(frontToken(Date.now() + 60_000));
    fetchMock.mockResolvedValue(answer(200, { 'front-token': 'remove' }));
    const otherTab = await lock.forTab();
    await otherTab.acquireLock(REFRESH_LOCK_KEY);

    const signingOut = signOutNow();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(urls()).toEqual([]);
    await otherTab.releaseLock(REFRESH_LOCK_KEY);
    await signingOut;

    expect(urls()).toEqual([SIGN_OUT_URL]);
    expect(lock.held()).toBe(false);
  });

  it('refreshes a token about to expire before it takes the lock, never while holding it', async () => {
    signedIn(frontToken(Date.now() + 500));
    fetchMock.mockResolvedValueOnce(answer(200, { 'front-token': frontToken(Date.now() + 60_000) }));
    fetchMock.mockResolvedValueOnce(answer(200, { 'front-token': 'remove' }));

    await signOutNow();

    expect(urls()).toEqual([REFRESH_URL, SIGN_OUT_URL]);
    expect(cookie('sFrontToken')).toBeUndefined();
    expect(lock.held()).toBe(false);
  });
});
