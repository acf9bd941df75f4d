import SessionRecipe from 'supertokens-website';
import * as websiteExports from 'supertokens-website';
import * as fetchBuild from 'supertokens-website/lib/build/fetch';
import { createRefreshBookkeeping } from '../../lib/supertokens/client/refreshBookkeeping';
import { classifyRefreshFailure } from '../../lib/supertokens/client/classifyRefreshFailure';
import { leanRefresh, missingPrivateParts, refreshSession } from '../../lib/supertokens/client/leanRefresh';
import { expectConsole } from '../support/consoleGuard';
import { answer, cookie, frontToken, signedIn, useRealWebsiteSdk } from '../support/websiteSdkFakes';

/**
 * The lean refresh against the real supertokens-website (initialised once for this file, in
 * jsdom), with the network and the cross-tab lock faked. Each scenario also runs through the
 * SDK's own `attemptRefreshingSession`: both must answer the same, send the same request and
 * leave the SDK's state (cookies, events) the same.
 */
const REFRESH_URL = 'http://localhost/api/auth/session/refresh';
const { events, fetchMock, lock } = useRealWebsiteSdk();

type Refresh = () => Promise<boolean>;
const records: Array<() => Promise<void>> = [];
const ours: Refresh = () => refreshSession((record) => records.push(record));
const sdks: Refresh = () => SessionRecipe.attemptRefreshingSession();
/** Ours, with whatever it left for later done: the state the SDK's refresh leaves at once. */
const oursRecorded: Refresh = async () => {
  const result = await ours();
  for (const record of records.splice(0)) await record();
  return result;
};

/**
 * supertokens-website before 20.1.5 counts a 200 without `front-token` as refreshed (its
 * changelog: "This used to break the session state"); from 20.1.5 it throws. The lean refresh
 * throws with every release: the flow then says what is wrong instead of reloading on a session
 * state the SDK no longer knows.
 */
const { version: WEBSITE_VERSION } = jest.requireActual<{ version: string }>('supertokens-website/package.json');
const SDK_THROWS_WITHOUT_FRONT_TOKEN = atLeast(WEBSITE_VERSION, [20, 1, 5]);

describe.each([
  ['the lean refresh', oursRecorded, true],
  ["the SDK's own refresh", sdks, SDK_THROWS_WITHOUT_FRONT_TOKEN],
])('%s', (_name, refresh, throwsWithoutFrontToken) => {
  it('sends the SDK’s refresh request and saves the new front token', async () => {
    signedIn(frontToken(1_000));
    fetchMock.mockResolvedValueOnce(answer(200, { 'front-token': frontToken(2_000) }));

    await expect(refresh()).resolves.toBe(true);

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(REFRESH_URL);
    expect(init?.method).toBe('post');
    expect(init?.credentials).toBe('include');
    const headers = new Headers(init?.headers);
    expect([headers.get('rid'), headers.get('st-auth-mode')]).toEqual(['session', 'cookie']);
    expect(headers.get('fdi-version')).toMatch(/\d/);
    expect(cookie('sFrontToken')).toBe(frontToken(2_000));
    expect(cookie('st-last-access-token-update')).not.toBe('1');
    expect(events.map((event) => event.action)).toEqual(['REFRESH_SESSION']);
    expect(lock.held()).toBe(false);
  });

  it('answers false once the server says the session is gone, and forgets the session', async () => {
    signedIn(frontToken(1_000));
    fetchMock.mockResolvedValueOnce(answer(401, { 'front-token': 'remove' }));

    await expect(refresh()).resolves.toBe(false);

    expect(cookie('sFrontToken')).toBeUndefined();
    expect(events).toEqual([expect.objectContaining({ action: 'UNAUTHORISED', sessionExpiredOrRevoked: true })]);
    expect(lock.held()).toBe(false);
  });

  it('rejects with the Response for a 5xx, leaving the session as it was', async () => {
    signedIn(frontToken(1_000));
    fetchMock.mockResolvedValueOnce(answer(500, {}, 'Error: multiple session cookies'));

    const error: unknown = await refresh().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Response);
    await expect(classifyRefreshFailure(error)).resolves.toBe('duplicate-cookies');
    expect(cookie('sFrontToken')).toBe(frontToken(1_000));
    expect(lock.held()).toBe(false);
  });

  (throwsWithoutFrontToken ? it : it.skip)("rejects with the SDK's error for a 200 without a front-token header", async () => {
    expectConsole('error', /'front-token' header is missing/);
    signedIn(frontToken(1_000));
    fetchMock.mockResolvedValueOnce(answer(200, {}));

    const error: unknown = await refresh().catch((e: unknown) => e);

    await expect(classifyRefreshFailure(error)).resolves.toBe('missing-front-token');
    expect(lock.held()).toBe(false);
  });

  (throwsWithoutFrontToken ? it.skip : it)('counts a 200 without a front-token header as refreshed (before 20.1.5)', async () => {
    signedIn(frontToken(1_000));
    fetchMock.mockResolvedValueOnce(answer(200, {}));

    await expect(refresh()).resolves.toBe(true);
    expect(lock.held()).toBe(false);
  });

  it('rejects with the fetch error when the request never got an answer', async () => {
    signedIn(frontToken(1_000));
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));

    const error: unknown = await refresh().catch((e: unknown) => e);

    await expect(classifyRefreshFailure(error)).resolves.toBe('network');
    expect(lock.held()).toBe(false);
  });

  it('asks nothing when another tab refreshed while this one waited for the lock', async () => {
    signedIn(frontToken(1_000));
    const otherTab = await lock.forTab();
    await otherTab.acquireLock('REFRESH_TOKEN_USE');
    const refreshing = refresh();
    await flush();
    document.cookie = 'st-last-access-token-update=2; path=/';
    await otherTab.releaseLock('REFRESH_TOKEN_USE');

    await expect(refreshing).resolves.toBe(true);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks nothing, and answers false, when the session was signed out', async () => {
    document.cookie = 'st-last-access-token-update=1; path=/';

    await expect(refresh()).resolves.toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('the lean refresh, on a successful answer', () => {
  it('settles at once and leaves the SDK’s record, with the lock, for later', async () => {
    signedIn(frontToken(1_000));
    fetchMock.mockResolvedValueOnce(answer(200, { 'front-token': frontToken(2_000) }));

    await expect(ours()).resolves.toBe(true);

    expect(cookie('sFrontToken')).toBe(frontToken(1_000));
    expect(events).toEqual([]);
    expect(lock.held()).toBe(true);
    for (const record of records.splice(0)) await record();
    expect(cookie('sFrontToken')).toBe(frontToken(2_000));
    expect(lock.held()).toBe(false);
  });

  it('never lets another tab refresh between its request and its record', async () => {
    signedIn(frontToken(1_000));
    fetchMock.mockResolvedValueOnce(answer(200, { 'front-token': frontToken(2_000) }));
    await ours();

    const otherTab = await lock.forTab();
    let otherGotLock = false;
    void otherTab.acquireLock('REFRESH_TOKEN_USE').then((granted) => (otherGotLock = granted));
    await flush();
    expect(otherGotLock).toBe(false);
    for (const record of records.splice(0)) await record();
    await flush();
    expect(otherGotLock).toBe(true);
    await otherTab.releaseLock('REFRESH_TOKEN_USE');
  });
});

describe('two refreshes of one tab in a row (a server that keeps rejecting the refreshed session)', () => {
  it('sends both: the first one’s record is written before the second reads the session', async () => {
    const bookkeeping = createRefreshBookkeeping((callback, delayMs) => {
      const timer = setTimeout(callback, delayMs);
      return () => clearTimeout(timer);
    });
    // As the browser ports do: the record waits for the soft reload, the next refresh flushes it.
    const portRefresh = async () => {
      await bookkeeping.flush();
      return refreshSession(bookkeeping.later);
    };
    signedIn(frontToken(1_000));
    fetchMock.mockResolvedValueOnce(answer(200, { 'front-token': frontToken(2_000) }));
    fetchMock.mockResolvedValueOnce(answer(200, { 'front-token': frontToken(3_000) }));

    await expect(portRefresh()).resolves.toBe(true);
    void bookkeeping.holdWhile(new Promise<boolean>(() => {}));
    await expect(portRefresh()).resolves.toBe(true);

    expect(fetchMock).toHaveBeenCalledTimes(2);
    await bookkeeping.flush();
    expect(cookie('sFrontToken')).toBe(frontToken(3_000));
    expect(lock.held()).toBe(false);
  });
});

function atLeast(version: string, minimum: readonly number[]): boolean {
  const parts = version.split(/[.-]/).slice(0, 3).map(Number);
  for (let i = 0; i < minimum.length; i += 1) {
    if ((parts[i] ?? 0) !== minimum[i]) return (parts[i] ?? 0) > minimum[i]!;
  }
  return true;
}

describe('leanRefresh(): the private path, checked before it is used', () => {
  it('finds every part it needs in the installed supertokens-website', () => {
    expect(missingPrivateParts()).toEqual([]);
  });

  it('refreshes with the public call, and says why once, when a part is missing', async () => {
    expectConsole('warn', /has no AuthHttpRequest\.config\.preAPIHook; refreshing with its public attemptRefreshingSession/);
    const attempt = jest.spyOn(websiteExports, 'attemptRefreshingSession').mockResolvedValue(true);
    const preAPIHook = fetchBuild.default.config.preAPIHook;
    (fetchBuild.default.config as { preAPIHook?: unknown }).preAPIHook = undefined;
    try {
      const strategy = leanRefresh();
      await expect(strategy.refresh()).resolves.toBe(true);
      await expect(strategy.refresh()).resolves.toBe(true);
      expect(attempt).toHaveBeenCalledTimes(2);
      expect(fetchMock).not.toHaveBeenCalled();
    } finally {
      fetchBuild.default.config.preAPIHook = preAPIHook;
      attempt.mockRestore();
    }
  });
});

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}
