import SessionRecipe from 'supertokens-website';

/** What a supertokens-website test in jsdom fakes around the real SDK: its cookies, the network's answers, the cross-tab lock. */

export interface RecordedSdkEvent {
  action: string;
  sessionExpiredOrRevoked?: boolean;
}

/**
 * The real supertokens-website, initialised once for the test file in jsdom, its network a mock
 * and its lock `createFakeLock()`; before each test the mock, the events and every cookie are cleared.
 */
export function useRealWebsiteSdk() {
  const events: RecordedSdkEvent[] = [];
  const fetchMock = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit?]>();
  const lock = createFakeLock();
  beforeAll(() => {
    window.fetch = fetchMock as unknown as typeof window.fetch;
    SessionRecipe.init({
      apiDomain: 'http://localhost',
      apiBasePath: '/api/auth',
      lockFactory: async () => lock.forTab(),
      onHandleEvent: (event) => events.push(event),
    });
  });
  beforeEach(() => {
    fetchMock.mockReset();
    events.length = 0;
    for (const name of document.cookie.split('; ').map((pair) => pair.split('=')[0])) {
      document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
    }
  });
  return { events, fetchMock, lock };
}

export function signedIn(token: string): void {
  document.cookie = `sFrontToken=${token}; path=/`;
  document.cookie = 'st-last-access-token-update=1; path=/';
}

/** Once per file: two front tokens built a second apart must still compare equal. */
const ISSUED_AT = Math.floor(Date.now() / 1000);

export function frontToken(ate: number): string {
  return btoa(JSON.stringify({ uid: 'user-1', ate, up: { sub: 'user-1', iat: ISSUED_AT } }));
}

export function cookie(name: string): string | undefined {
  const pair = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return pair?.slice(name.length + 1);
}

export function answer(status: number, headers: Record<string, string>, body = '{"status":"OK"}'): Response {
  return new Response(body, { status, headers });
}

/** One cross-tab lock, as Web Locks gives it: exclusive, first come first served. */
export function createFakeLock() {
  let holder: object | null = null;
  const waiting: Array<{ tab: object; grant: () => void }> = [];
  return {
    held: () => holder !== null,
    async forTab() {
      const tab = {};
      return {
        acquireLock: (_key: string, timeoutMs = 5_000) =>
          new Promise<boolean>((resolve) => {
            if (holder === null) {
              holder = tab;
              return resolve(true);
            }
            const entry = { tab, grant: () => resolve(true) };
            waiting.push(entry);
            setTimeout(() => {
              const at = waiting.indexOf(entry);
              if (at >= 0) {
                waiting.splice(at, 1);
                resolve(false);
              }
            }, timeoutMs);
          }),
        releaseLock: async (_key: string) => {
          if (holder !== tab) return;
          const next = waiting.shift();
          holder = next ? next.tab : null;
          next?.grant();
        },
      };
    },
  };
}
