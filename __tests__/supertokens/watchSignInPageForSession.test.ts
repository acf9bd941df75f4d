import { watchSignInPageForSession, type SignInPageEnvironment, type WatchSignInPageOptions } from 'ssr-session-flow/supertokens/client';
import { returnCheckDelayMs } from '../../lib/supertokens/client/watchSignInPageForSession';
import { answer, frontToken, signedIn, useRealWebsiteSdk } from '../support/websiteSdkFakes';

/**
 * The sign-in page's watch for a session the SDK could not confirm (soak seed 5118): the form
 * shown to a signed-in user whose refresh failed on the network, and nothing asking again.
 */
describe('watchSignInPageForSession', () => {
  it('takes the user to the return path once a held session is confirmed, after a failed question', async () => {
    const page = fakeSignInPage({ url: 'http://app.test/auth?redirectToPath=%2Faccount%3Ftab%3D1', answers: [false, true] });
    watchSignInPageForSession({}, page.environment);
    await page.settle();

    await page.runDueTimer();
    expect(page.navigations).toEqual([]);
    await page.runDueTimer();

    expect(page.navigations).toEqual(['/account?tab=1']);
    expect(page.questions).toBe(2);
    expect(page.pendingTimers()).toBe(0);
  });

  it('counts auth-react’s question as the page opens as the first: its own waits the backoff’s second step', async () => {
    const page = fakeSignInPage({ answers: [true] });
    watchSignInPageForSession({}, page.environment);
    await page.settle();

    expect(page.questions).toBe(0);
    expect(page.lastDelayMs()).toBe(2_000);
  });

  it('asks less often while the server stays away, and at once when the network is back', async () => {
    const page = fakeSignInPage({ answers: [false, false, false, false, true] });
    watchSignInPageForSession({}, page.environment);
    await page.settle();
    for (let question = 0; question < 4; question += 1) await page.runDueTimer();

    // Each question also sets its 15 s deadline; the questions' own delays:
    expect(page.delaysMs.filter((ms) => ms !== 15_000)).toEqual([2_000, 4_000, 8_000, 8_000, 8_000]);
    expect(returnCheckDelayMs(20)).toBe(8_000);
    page.networkBack();
    await page.settle();

    expect(page.navigations).toEqual(['/']);
  });

  it('watches nothing when the page opened without a session: a sign-in here is auth-react’s to finish', async () => {
    const page = fakeSignInPage({ frontToken: false, answers: [true] });
    watchSignInPageForSession({}, page.environment);
    await page.settle();

    expect(page.pendingTimers()).toBe(0);
    expect(page.listening()).toBe(false);
    page.frontTokenPresent = true;
    page.networkBack();
    await page.settle();
    expect(page.questions).toBe(0);
    expect(page.navigations).toEqual([]);
  });

  it('ends when the session ends (a refused refresh drops the front token), and goes nowhere', async () => {
    const page = fakeSignInPage({ answers: [false] });
    watchSignInPageForSession({}, page.environment);
    await page.settle();
    page.frontTokenPresent = false;

    await page.runDueTimer();

    expect(page.navigations).toEqual([]);
    expect(page.pendingTimers()).toBe(0);
    expect(page.listening()).toBe(false);
  });

  it('keeps a return path to another site off it, as authReactConfig keeps a sign-in’s', async () => {
    const page = fakeSignInPage({ url: 'http://app.test/auth?redirectToPath=%2F%5Cevil.example%2F', answers: [true] });
    watchSignInPageForSession({ fallbackPath: '/home' }, page.environment);
    await page.settle();

    await page.runDueTimer();

    expect(page.navigations).toEqual(['/home']);
  });

  it('goes nowhere once the page has moved off the sign-in form (verify-email is meant for a session)', async () => {
    const page = fakeSignInPage({ answers: [true] });
    watchSignInPageForSession({}, page.environment);
    await page.settle();
    page.url = new URL('http://app.test/auth/verify-email');

    await page.runDueTimer();

    expect(page.navigations).toEqual([]);
  });

  it('counts a question the SDK leaves hanging as unanswered, and asks again', async () => {
    const page = fakeSignInPage({ answers: [true] });
    let hanging = true;
    const sessionExists = page.environment.sessionExists;
    page.environment.sessionExists = () => (hanging ? new Promise<boolean>(() => {}) : sessionExists());
    watchSignInPageForSession({}, page.environment);
    await page.settle();

    await page.runDueTimer(); // the question; its deadline is now the only timer
    expect(page.lastDelayMs()).toBe(15_000);
    hanging = false;
    await page.runDueTimer(); // the deadline passes: unanswered, the next question is scheduled
    await page.runDueTimer();

    expect(page.navigations).toEqual(['/']);
  });

  it('takes the sign-in path with or without a trailing slash', async () => {
    const page = fakeSignInPage({ url: 'http://app.test/auth/?redirectToPath=%2Faccount', answers: [true] });
    watchSignInPageForSession({}, page.environment);
    await page.settle();

    await page.runDueTimer();

    expect(page.navigations).toEqual(['/account']);
  });

  it('asks again later when the SDK throws instead of answering', async () => {
    const page = fakeSignInPage({ answers: [new Error('SDK not initialised'), true] });
    watchSignInPageForSession({}, page.environment);
    await page.settle();

    await page.runDueTimer();
    await page.runDueTimer();

    expect(page.navigations).toEqual(['/']);
  });

  it('stops when told to: no question, no listener, no timer left', async () => {
    const page = fakeSignInPage({ answers: [true] });
    const stop = watchSignInPageForSession({}, page.environment);
    await page.settle();

    stop();

    expect(page.pendingTimers()).toBe(0);
    expect(page.listening()).toBe(false);
    expect(page.questions).toBe(0);
  });
});

describe('watchSignInPageForSession with the real supertokens-website', () => {
  const REFRESH_URL = 'http://localhost/api/auth/session/refresh';
  const { fetchMock } = useRealWebsiteSdk();
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] }));
  afterEach(() => jest.useRealTimers());

  it('asks the SDK again after a refresh that failed on the network, and follows the session once it answers', async () => {
    signedIn(frontToken(Date.now() - 1_000));
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    fetchMock.mockResolvedValueOnce(answer(200, { 'front-token': frontToken(Date.now() + 60_000) }));
    const navigations: string[] = [];
    const options: WatchSignInPageOptions = { navigate: (url) => navigations.push(url) };
    window.history.replaceState(null, '', '/auth?redirectToPath=%2Faccount');

    const stop = watchSignInPageForSession(options);
    await jest.advanceTimersByTimeAsync(returnCheckDelayMs(1));
    expect(navigations).toEqual([]);
    await jest.advanceTimersByTimeAsync(returnCheckDelayMs(2));

    expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual([REFRESH_URL, REFRESH_URL]);
    expect(navigations).toEqual(['/account']);
    stop();
  });
});

interface FakePageOptions {
  url?: string;
  frontToken?: boolean;
  /** What `sessionExists` answers, question by question (an Error is thrown). */
  answers: Array<boolean | Error>;
}

function fakeSignInPage({ url = 'http://app.test/auth', frontToken: holdsSession = true, answers }: FakePageOptions) {
  const timers = new Map<number, () => void>();
  let nextTimer = 0;
  let listener: (() => void) | null = null;
  const state = {
    url: new URL(url),
    frontTokenPresent: holdsSession,
    questions: 0,
    navigations: [] as string[],
    delaysMs: [] as number[],
  };
  const environment: SignInPageEnvironment = {
    hasFrontToken: async () => state.frontTokenPresent,
    sessionExists: async () => {
      const next = answers[state.questions++] ?? false;
      if (next instanceof Error) throw next;
      return next;
    },
    currentUrl: () => state.url,
    navigate: (target) => void state.navigations.push(target),
    onChanceOfAnswer(onChance) {
      listener = onChance;
      return () => {
        listener = null;
      };
    },
    setTimeout(callback, delayMs) {
      state.delaysMs.push(delayMs);
      timers.set(++nextTimer, callback);
      return nextTimer;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return Object.assign(state, {
    environment,
    settle,
    async runDueTimer() {
      const [handle, callback] = [...timers.entries()][0] ?? [];
      if (handle === undefined || !callback) throw new Error('no timer is pending');
      timers.delete(handle);
      callback();
      await settle();
    },
    pendingTimers: () => timers.size,
    lastDelayMs: () => state.delaysMs.at(-1),
    listening: () => listener !== null,
    networkBack: () => listener?.(),
  });
}
