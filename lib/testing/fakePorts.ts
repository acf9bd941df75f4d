import type { RefreshFailureCause } from 'ssr-session-flow/machine';
import {
  toSameOriginPath,
  type CrossTabSessionEvent,
  type CrossTabSessionEvents,
  type RecoveryAttemptStore,
  type SessionFlowPorts,
} from 'ssr-session-flow/core';
import { createPagesRouterReload } from 'ssr-session-flow/pages-router/client';
import { classifyRefreshFailure } from 'ssr-session-flow/supertokens/client';
import { createFakeClock, type FakeClock } from './fakeClock';
import { createFakeNextRouter, type FakeNextRouter } from './fakeNextRouter';
import { refreshFailure } from './refreshFailures';

/** A call the runtime made and the test has not answered yet. */
interface Pending<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

export interface FakeSessionFlowWorld {
  ports: SessionFlowPorts;
  clock: FakeClock;
  /** The fake SuperTokens session: answer the calls the runtime made. */
  session: {
    refreshCalls: number;
    pendingRefreshes(): number;
    answerRefresh(result: 'refreshed' | 'session-gone'): void;
    /** Fails the refresh the way supertokens-web-js does for that cause (see `refreshFailure`). */
    failRefresh(cause: RefreshFailureCause): void;
    signOutCalls: number;
    pendingSignOuts(): number;
    answerSignOut(result: 'signed-out' | 'failed'): void;
    /** What the front token says when the tab wakes up. */
    accessTokenExpired: boolean;
    /** When the access token expires, on the fake clock; a refresh renews it for its lifetime. */
    accessTokenExpiresAt: number;
    /** `null`: the front token does not say (the flow then never refreshes ahead of expiry). */
    accessTokenLifetimeMs: number | null;
    /** Whether this browser holds a session (another tab may sign out while this one is hidden). */
    signedIn: boolean;
    pendingRedirects(): number;
    /**
     * Answers the oldest redirect to sign in: `started` navigates to the sign-in page with the
     * router, as SuperTokens' `redirectToAuth` does; `failed` rejects, as it does where auth-react
     * is not set up or its chunk did not load.
     */
    answerRedirect(result: 'started' | 'failed'): void;
  };
  /** The fake Next router (faithful: see `createFakeNextRouter`) and `window.location`. */
  router: {
    next: FakeNextRouter;
    /** The page as the address bar shows it. */
    readonly url: URL;
    softReloads: number;
    documentReloads: number;
    /** The way back each redirect to sign-in carried. */
    redirects: string[];
    /** Documents loaded by URL (the sign-in page, when the redirect did not get there). */
    documentLoads: string[];
  };
  /** The other tabs of this browser. */
  otherTabs: {
    announce(event: CrossTabSessionEvent): void;
    /** Another tab claims the refresh ahead of the token this tab holds now (see `claimRefreshAhead`). */
    claimRefreshAhead(): void;
  };
  /** This tab as the browser sees it: a refresh ahead of expiry waits for both. */
  tab: { visible: boolean; online: boolean };
  recoveryAttempts: RecoveryAttemptStore & { stored(): number | null };
}

export const FAKE_SIGN_IN_PATH = '/auth';

export interface FakeSessionFlowWorldOptions {
  url?: string;
  storedRecoveryAttempts?: number | null;
  /** Which Next router the app uses: a soft reload through the pages router, or `router.refresh()`. */
  router?: 'pages' | 'app';
  /** The access token's lifetime, `null` for a front token that does not say; an hour by default. */
  accessTokenLifetimeMs?: number | null;
}

export const FAKE_ACCESS_TOKEN_LIFETIME_MS = 3_600_000;

export function createFakeSessionFlowWorld({
  url = 'http://localhost:3000/',
  storedRecoveryAttempts = null,
  router = 'pages',
  accessTokenLifetimeMs = FAKE_ACCESS_TOKEN_LIFETIME_MS,
}: FakeSessionFlowWorldOptions = {}): FakeSessionFlowWorld {
  const origin = new URL(url).origin;
  const clock = createFakeClock(1_000_000);
  const next = createFakeNextRouter(pathOf(new URL(url)));
  const softReload = createPagesRouterReload(next);
  const refreshes: Pending<boolean>[] = [];
  const signOuts: Pending<void>[] = [];
  const redirects: Array<Pending<void> & { returnTo: string }> = [];
  const signInUrl = (returnTo: string) => `${FAKE_SIGN_IN_PATH}?redirectToPath=${encodeURIComponent(returnTo)}`;
  const listeners = new Set<(event: CrossTabSessionEvent) => void>();
  /** Tokens (by expiry) whose refresh ahead another tab claimed. */
  const claimedElsewhere = new Set<number>();
  let stored = storedRecoveryAttempts;

  const take = <T>(queue: Pending<T>[], what: string): Pending<T> => {
    const first = queue.shift();
    if (!first) throw new Error(`No ${what} is pending: the runtime never asked for one.`);
    return first;
  };

  const sessionEvents: CrossTabSessionEvents = {
    publish: () => {},
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    claimRefreshAhead: async (tokenExpiresAt) => !claimedElsewhere.has(tokenExpiresAt),
  };

  const world: FakeSessionFlowWorld = {
    clock,
    session: {
      refreshCalls: 0,
      pendingRefreshes: () => refreshes.length,
      answerRefresh: (result) => {
        if (result === 'session-gone') world.session.signedIn = false;
        else renewAccessToken();
        take(refreshes, 'refresh').resolve(result === 'refreshed');
      },
      failRefresh: (cause) => take(refreshes, 'refresh').reject(refreshFailure(cause)),
      signOutCalls: 0,
      pendingSignOuts: () => signOuts.length,
      answerSignOut: (result) => {
        const call = take(signOuts, 'sign-out');
        if (result === 'failed') return call.reject(new TypeError('Failed to fetch'));
        world.session.signedIn = false;
        call.resolve();
      },
      accessTokenExpired: false,
      accessTokenExpiresAt: clock.now() + (accessTokenLifetimeMs ?? FAKE_ACCESS_TOKEN_LIFETIME_MS),
      accessTokenLifetimeMs,
      signedIn: true,
      pendingRedirects: () => redirects.length,
      answerRedirect: (result) => {
        const redirect = redirects.shift();
        if (!redirect) throw new Error('No redirect is pending: the runtime never asked for one.');
        if (result === 'failed') return redirect.reject(new Error('SuperTokens must be initialized before calling this method.'));
        void next.push(signInUrl(redirect.returnTo));
        redirect.resolve();
      },
    },
    router: {
      next,
      get url() {
        return new URL(next.asPath, origin);
      },
      softReloads: 0,
      documentReloads: 0,
      redirects: [],
      documentLoads: [],
    },
    otherTabs: {
      // The cookies are shared: what another tab did is true in this one too.
      announce: (event) => {
        if (event === 'refreshed') renewAccessToken();
        else world.session.signedIn = event === 'signed-in';
        listeners.forEach((listener) => listener(event));
      },
      claimRefreshAhead: () => {
        claimedElsewhere.add(world.session.accessTokenExpiresAt);
      },
    },
    tab: { visible: true, online: true },
    recoveryAttempts: {
      read: () => stored ?? 0,
      write: (attempts) => {
        stored = attempts;
      },
      clear: () => {
        stored = null;
      },
      stored: () => stored,
    },
    ports: {
      refreshSession: () => {
        world.session.refreshCalls += 1;
        return new Promise<boolean>((resolve, reject) => refreshes.push({ resolve, reject }));
      },
      // The real classifier: the fake fails refreshes with what supertokens-website throws.
      classifyRefreshFailure,
      reloadServerProps: () => {
        world.router.softReloads += 1;
        return router === 'app' ? next.refresh() : softReload.reload();
      },
      reloadDocument: () => {
        world.router.documentReloads += 1;
      },
      redirectToSignIn: (returnTo) => {
        world.router.redirects.push(returnTo);
        return new Promise<void>((resolve, reject) => redirects.push({ resolve, reject, returnTo }));
      },
      signInUrl,
      loadDocument: (url) => {
        world.router.documentLoads.push(url);
      },
      returnFromSignIn: () => {
        const back = world.router.url.searchParams.get('redirectToPath');
        const target = back === null ? null : toSameOriginPath(back, origin);
        if (target) void next.replace(target);
      },
      signOut: () => {
        world.session.signOutCalls += 1;
        return new Promise<void>((resolve, reject) => signOuts.push({ resolve, reject }));
      },
      currentUrl: () => {
        const current = world.router.url;
        if (!current.hash) current.hash = softReload.hashInFlight();
        return current;
      },
      setTimer: (callback, delayMs) => clock.setTimer(callback, delayMs),
      recoveryAttempts: {
        read: () => world.recoveryAttempts.read(),
        write: (attempts) => world.recoveryAttempts.write(attempts),
        clear: () => world.recoveryAttempts.clear(),
      },
      isAccessTokenExpired: async () => world.session.accessTokenExpired,
      hasSession: async () => world.session.signedIn,
      accessTokenTimes: async () => {
        const { signedIn, accessTokenExpiresAt, accessTokenLifetimeMs: lifetimeMs } = world.session;
        return signedIn && lifetimeMs !== null ? { expiresInMs: accessTokenExpiresAt - clock.now(), lifetimeMs, expiresAt: accessTokenExpiresAt } : null;
      },
      isTabActive: () => world.tab.visible && world.tab.online,
      sessionEvents,
    },
  };
  function renewAccessToken(): void {
    world.session.accessTokenExpired = false;
    world.session.accessTokenExpiresAt = clock.now() + (world.session.accessTokenLifetimeMs ?? FAKE_ACCESS_TOKEN_LIFETIME_MS);
  }
  return world;
}

function pathOf(url: URL): string {
  return `${url.pathname}${url.search}${url.hash}`;
}
