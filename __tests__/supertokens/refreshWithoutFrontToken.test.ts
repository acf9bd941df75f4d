import { attemptRefreshingSession } from 'supertokens-website';
import { superTokensSessionPorts } from 'ssr-session-flow/supertokens/client';
import { answer, cookie, frontToken, signedIn, useRealWebsiteSdk } from '../support/websiteSdkFakes';

/**
 * Soak seed 1162: a sign-in answered as its page went away leaves the browser with session cookies
 * the server accepts and no front token, while the SDK remembers an earlier one
 * (`st-last-access-token-update`). The real supertokens-website then refuses to refresh; the
 * flow's refresh must still ask the server, through the SDK, which writes the front token.
 */
const REFRESH_URL = 'http://localhost/api/auth/session/refresh';
const { events, fetchMock, lock } = useRealWebsiteSdk();
const urls = () => fetchMock.mock.calls.map(([url]) => String(url));
const ports = superTokensSessionPorts({ apiDomain: 'http://localhost/', apiBasePath: '/api/auth/' });

// jsdom has no User Timing; the port marks each refresh.
beforeAll(() => {
  if (typeof performance.mark !== 'function') performance.mark = (() => undefined) as unknown as typeof performance.mark;
});

function frontTokenDropped(): void {
  document.cookie = 'st-last-access-token-update=1; path=/';
}

describe('the flow’s refresh of a session whose front token is missing', () => {
  it('supertokens-website alone asks nothing and answers "no session": the case this is for', async () => {
    frontTokenDropped();
    await expect(attemptRefreshingSession()).resolves.toBe(false);
    expect(urls()).toEqual([]);
  });

  it('asks the server, and the SDK writes the answer’s front token: refreshed, and the tabs hear of the session', async () => {
    frontTokenDropped();
    const token = frontToken(Date.now() + 60_000);
    fetchMock.mockResolvedValue(answer(200, { 'front-token': token }));

    await expect(ports.refreshSession()).resolves.toBe(true);

    expect(urls()).toEqual([REFRESH_URL]);
    const [, init] = fetchMock.mock.calls[0]!;
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('rid')).toBe('session');
    expect(cookie('sFrontToken')).toBe(token);
    await expect(ports.hasSession()).resolves.toBe(true);
    expect(events.map((event) => event.action)).toContain('SESSION_CREATED');
    expect(lock.held()).toBe(false);
  });

  // The SDK's interception waits up to its 1 s for the lock this holds, then passes the 401 on.
  it('a session that is gone answers 401: not refreshed, and no second call', async () => {
    frontTokenDropped();
    fetchMock.mockResolvedValue(answer(401, { 'front-token': 'remove' }, '{"message":"unauthorised"}'));

    await expect(ports.refreshSession()).resolves.toBe(false);

    expect(urls()).toEqual([REFRESH_URL]);
    expect(lock.held()).toBe(false);
  });

  it('a 5xx is thrown as the SDK throws it, so the flow reads it as an outage', async () => {
    frontTokenDropped();
    fetchMock.mockResolvedValue(answer(503, {}, 'core down'));

    const failure = await ports.refreshSession().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(Response);
    await expect(ports.classifyRefreshFailure(failure)).resolves.toBe('server');
  });

  it('a 200 without a front token is named, not taken for a session', async () => {
    frontTokenDropped();
    fetchMock.mockResolvedValue(answer(200, {}));

    const failure = await ports.refreshSession().catch((error: unknown) => error);

    await expect(ports.classifyRefreshFailure(failure)).resolves.toBe('missing-front-token');
  });

  it('a wrong apiBasePath (404) says what to pass, and the user signs in as before', async () => {
    frontTokenDropped();
    fetchMock.mockResolvedValue(answer(404, {}, 'not found'));
    const logged = jest.spyOn(console, 'error').mockImplementation(() => {});

    await expect(superTokensSessionPorts({ apiBasePath: '/auth' }).refreshSession()).resolves.toBe(false);

    expect(urls()).toEqual(['/auth/session/refresh']);
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/answered 404.*apiBasePath/);
    logged.mockRestore();
  });

  it('waits for another tab’s refresh under the SDK’s lock, and asks nothing when that tab wrote a front token', async () => {
    frontTokenDropped();
    const otherTab = await lock.forTab();
    await otherTab.acquireLock('REFRESH_TOKEN_USE');

    const refreshing = ports.refreshSession();
    await new Promise((resolve) => setTimeout(resolve, 100));
    signedIn(frontToken(Date.now() + 60_000));
    await otherTab.releaseLock('REFRESH_TOKEN_USE');

    await expect(refreshing).resolves.toBe(true);
    expect(urls()).toEqual([]);
  });

  it('where the SDK never saw a session here, the SDK’s own refresh asks, once', async () => {
    const token = frontToken(Date.now() + 60_000);
    fetchMock.mockResolvedValue(answer(200, { 'front-token': token }));

    await expect(ports.refreshSession()).resolves.toBe(true);

    expect(urls()).toEqual([REFRESH_URL]);
    expect(cookie('sFrontToken')).toBe(token);
  });

  it('with a front token, the refresh is the SDK’s, as before', async () => {
    signedIn(frontToken(Date.now() - 1_000));
    fetchMock.mockResolvedValue(answer(200, { 'front-token': frontToken(Date.now() + 60_000) }));

    await expect(ports.refreshSession()).resolves.toBe(true);

    expect(urls()).toEqual([REFRESH_URL]);
    expect(new Headers(fetchMock.mock.calls[0]![1]?.headers).get('fdi-version')).not.toBeNull();
  });
});
