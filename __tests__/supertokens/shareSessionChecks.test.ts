import SessionRecipe from 'supertokens-website';
import { SHARED_FAILED_CHECK_MS, sessionRecipeConfig, shareSessionChecks, type SessionCheckEnvironment } from 'ssr-session-flow/supertokens/client';
import { answer, cookie, createFakeLock, frontToken, signedIn } from '../support/websiteSdkFakes';

/**
 * supertokens-auth-react's sign-in page asks `doesSessionExist()` twice as it opens; with an
 * expired access token each question is a refresh call (soak seed 1092: during an outage, with the
 * page's watch and the next page's recovery, five calls within one 3-second token lifetime).
 */
describe('shareSessionChecks on the real supertokens-website, through sessionRecipeConfig', () => {
  const REFRESH_URL = 'http://localhost/api/auth/session/refresh';
  const fetchMock = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit?]>();
  let now = 0;
  const environment: SessionCheckEnvironment = {
    now: () => now,
    hasFrontToken: async () => cookie('sFrontToken') !== undefined,
  };
  const refreshCalls = () => fetchMock.mock.calls.filter(([url]) => String(url) === REFRESH_URL).length;

  beforeAll(() => {
    window.fetch = fetchMock as unknown as typeof window.fetch;
    const lock = createFakeLock();
    SessionRecipe.init({
      apiDomain: 'http://localhost',
      apiBasePath: '/api/auth',
      ...sessionRecipeConfig({
        lockFactory: async () => lock.forTab(),
        override: { functions: <F extends Parameters<typeof shareSessionChecks>[0]>(original: F) => shareSessionChecks(original, undefined, environment) },
      }),
    });
  });
  beforeEach(() => {
    fetchMock.mockReset();
    now += 60_000; // a clock that only goes forward, as `performance.now()`: the last test's answers are old news
    for (const name of document.cookie.split('; ').map((pair) => pair.split('=')[0])) {
      document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
    }
  });

  it('answers a second question from a refresh that just failed, and asks again a second later', async () => {
    signedIn(frontToken(Date.now() - 1_000));
    fetchMock.mockImplementation(async () => answer(503, {}, 'down'));

    expect(await SessionRecipe.doesSessionExist()).toBe(false);
    now += 200;
    expect(await SessionRecipe.doesSessionExist()).toBe(false);
    expect(refreshCalls()).toBe(1);

    now += SHARED_FAILED_CHECK_MS;
    expect(await SessionRecipe.doesSessionExist()).toBe(false);
    expect(refreshCalls()).toBe(2);
  });

  it('gives questions asked together one answer', async () => {
    signedIn(frontToken(Date.now() - 1_000));
    fetchMock.mockImplementation(async () => answer(200, { 'front-token': frontToken(Date.now() + 60_000) }));

    const answers = await Promise.all([SessionRecipe.doesSessionExist(), SessionRecipe.doesSessionExist()]);

    expect(answers).toEqual([true, true]);
    expect(refreshCalls()).toBe(1);
  });

  it('never reuses a "no" that came without a session: a sign-in right after is seen at once', async () => {
    expect(await SessionRecipe.doesSessionExist()).toBe(false);
    signedIn(frontToken(Date.now() + 60_000));
    now += 100;

    expect(await SessionRecipe.doesSessionExist()).toBe(true);
  });

  it('never reuses a "yes": each later question looks at the session again', async () => {
    signedIn(frontToken(Date.now() - 1_000));
    fetchMock.mockImplementationOnce(async () => answer(200, { 'front-token': frontToken(Date.now() - 500) }));
    fetchMock.mockImplementationOnce(async () => answer(200, { 'front-token': frontToken(Date.now() + 60_000) }));

    await SessionRecipe.doesSessionExist();
    now += 100;
    await SessionRecipe.doesSessionExist();

    expect(refreshCalls()).toBe(2);
  });

  it('leaves the recipe object whole: an intercepted request goes through (the app’s override is a layer of its own)', async () => {
    signedIn(frontToken(Date.now() + 60_000));
    fetchMock.mockImplementation(async () => answer(200, {}, '[]'));

    const response = await window.fetch('http://localhost/api/orders');

    expect(response.status).toBe(200);
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual(['http://localhost/api/orders']);
    expect(await SessionRecipe.doesSessionExist()).toBe(true);
  });
});
