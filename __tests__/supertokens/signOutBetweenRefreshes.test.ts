import { signOut, SignOutNotConfirmedError, superTokensSessionPorts } from 'ssr-session-flow/supertokens/client';
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

  // e2e 25 under load: refreshes ahead of expiry came one after another, each asking for the lock
  // while the one before held it; the sign-out, which asked again every second, was always behind
  // them, gave up waiting after 5 s and signed out while a refresh was on its way back.
  it('keeps its place in the lock’s queue while other tabs’ refreshes follow each other', async () => {
    signedIn(frontToken(Date.now() + 60_000));
    fetchMock.mockResolvedValue(answer(200, { 'front-token': 'remove' }));
    const [first, second] = [await lock.forTab(), await lock.forTab()];
    await first.acquireLock(REFRESH_LOCK_KEY);

    const signingOut = signOutNow();
    await new Promise((resolve) => setTimeout(resolve, 900));
    // The next refresh asks while the first still holds the lock, before the sign-out's first second is up.
    const sentWhenSecondGranted = second.acquireLock(REFRESH_LOCK_KEY, 10_000).then(() => urls().length);
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await first.releaseLock(REFRESH_LOCK_KEY);
      // The second refresh gets the lock only once the sign-out has been sent and has let it go.
      expect(await sentWhenSecondGranted).toBe(1);
      await signingOut;
      expect(urls()).toEqual([SIGN_OUT_URL]);
    } finally {
      await sentWhenSecondGranted;
      await second.releaseLock(REFRESH_LOCK_KEY);
      await signingOut.catch(() => undefined);
    }
  }, 15_000);

  it('refreshes a token about to expire before it takes the lock, never while holding it', async () => {
    signedIn(frontToken(Date.now() + 500));
    const heldDuringRefresh: boolean[] = [];
    fetchMock.mockImplementationOnce(async () => {
      heldDuringRefresh.push(lock.held());
      return answer(200, { 'front-token': frontToken(Date.now() + 60_000) });
    });
    fetchMock.mockResolvedValueOnce(answer(200, { 'front-token': 'remove' }));

    await signOutNow();

    expect(urls()).toEqual([REFRESH_URL, SIGN_OUT_URL]);
    // The SDK's refresh takes the lock itself: held then by the refresh, not by the sign-out waiting.
    expect(heldDuringRefresh).toEqual([true]);
    expect(cookie('sFrontToken')).toBeUndefined();
    expect(lock.held()).toBe(false);
  });
});

describe('a token about to expire whose refresh fails (503)', () => {
  beforeEach(() => {
    signedIn(frontToken(Date.now() + 500));
    fetchMock.mockImplementation(async (url) => (String(url) === REFRESH_URL ? answer(503, {}, 'Service Unavailable') : answer(200, { 'front-token': 'remove' })));
  });

  it('the kit’s signOut rejects, and the session is left as it was', async () => {
    await expect(signOut()).rejects.toBeInstanceOf(SignOutNotConfirmedError);
    expect(urls()).not.toContain(SIGN_OUT_URL);
    expect(cookie('sFrontToken')).toBeDefined();
  });

  it('the flow’s sign-out port leaves it to the SDK’s sign-out, as "Sign in again" did before', async () => {
    await ports.signOut();
    expect(lock.held()).toBe(false);
  });
});
