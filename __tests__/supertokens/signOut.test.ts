import SessionRecipe from 'supertokens-website';
import { signOut, SignOutNotConfirmedError } from 'ssr-session-flow/supertokens/client';
import { answer, cookie, frontToken, signedIn, useRealWebsiteSdk } from '../support/websiteSdkFakes';

/**
 * The kit's sign-out against the real supertokens-website in jsdom, the network faked. The SDK's
 * own `signOut()` is the baseline: with an expired access token and a refresh endpoint answering
 * 503 it resolves without calling the server and fires SIGN_OUT (every tab leaves) while the
 * session lives on; the kit's rejects and tells no tab anything.
 */
const SIGN_OUT_URL = 'http://localhost/api/auth/signout';
const REFRESH_URL = 'http://localhost/api/auth/session/refresh';
const { events: recorded, fetchMock } = useRealWebsiteSdk();
const actions = () => recorded.map((event) => event.action);

const urls = () => fetchMock.mock.calls.map(([url]) => String(url));

describe('signOut', () => {
  it('with a valid access token: calls the server once and the tabs hear SIGN_OUT', async () => {
    signedIn(frontToken(Date.now() + 60_000));
    fetchMock.mockResolvedValueOnce(answer(200, { 'front-token': 'remove' }));

    await signOut();

    expect(urls()).toEqual([SIGN_OUT_URL]);
    expect(actions()).toContain('SIGN_OUT');
  });

  it('with an expired access token: refreshes, then calls the server', async () => {
    signedIn(frontToken(Date.now() - 1_000));
    fetchMock.mockResolvedValueOnce(answer(200, { 'front-token': frontToken(Date.now() + 60_000) }));
    fetchMock.mockResolvedValueOnce(answer(200, { 'front-token': 'remove' }));

    await signOut();

    expect(urls()).toEqual([REFRESH_URL, SIGN_OUT_URL]);
    expect(actions()).toEqual(expect.arrayContaining(['REFRESH_SESSION', 'SIGN_OUT']));
  });

  it.each([
    ['answers 503', () => Promise.resolve(answer(503, {}, 'Service Unavailable'))],
    ['cannot be reached', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('rejects, and tells no tab, when the refresh endpoint %s (the SDK’s own sign-out resolves and fires SIGN_OUT)', async (_name, refreshAnswer) => {
    signedIn(frontToken(Date.now() - 1_000));
    fetchMock.mockImplementation(refreshAnswer);

    await expect(signOut()).rejects.toBeInstanceOf(SignOutNotConfirmedError);
    expect(urls().every((url) => url === REFRESH_URL)).toBe(true);
    expect(actions()).not.toContain('SIGN_OUT');
    expect(cookie('sFrontToken')).toBeDefined();

    // The baseline: the SDK signs nobody out on the server and tells every tab it did.
    fetchMock.mockClear();
    await expect(SessionRecipe.signOut()).resolves.toBeUndefined();
    expect(urls()).not.toContain(SIGN_OUT_URL);
    expect(actions()).toContain('SIGN_OUT');
  });

  it('when the refresh is refused (401, the session is gone): resolves, as the user is signed out already', async () => {
    signedIn(frontToken(Date.now() - 1_000));
    fetchMock.mockResolvedValueOnce(answer(401, { 'front-token': 'remove' }, '{"message":"unauthorised"}'));

    await signOut();

    expect(urls()).toEqual([REFRESH_URL]);
    expect(cookie('sFrontToken')).toBeUndefined();
  });
});
