import { doesSessionExist } from 'supertokens-website';
import { RETURN_TO_PARAM } from 'ssr-session-flow/core';
import { frontTokenFromCookies } from './frontToken';
import { toSafeReturnUrl, type RedirectGuardOptions } from './returnPath';
import { readSdkCookies } from './sdkCookies';

export interface WatchSignInPageOptions extends RedirectGuardOptions {
  /** How to go to the return URL: the app's router; a document load by default. */
  navigate?: (url: string) => void;
  /** Where to go when the sign-in page's return path is missing or leaves the site. `/` by default. */
  fallbackPath?: string;
  /**
   * The sign-in form's path (auth-react's `websiteBasePath`), `/auth` by default. The watch acts
   * only there: the pages beside it (`/auth/verify-email`, `/auth/reset-password`) may be meant for
   * a signed-in user.
   */
  signInPath?: string;
}

/** What the watch needs of the browser and the SDK; real ones by default, fakes in tests. */
export interface SignInPageEnvironment {
  /** The SDK's front token is there: the browser holds a session it could not confirm. */
  hasFrontToken(): Promise<boolean>;
  /** supertokens-website's `doesSessionExist()`: refreshes an expired access token first. */
  sessionExists(): Promise<boolean>;
  /** The sign-in page's URL, for its return path. */
  currentUrl(): URL;
  navigate(url: string): void;
  /** Calls `listener` when the network comes back or the tab is shown; returns a function that stops it. */
  onChanceOfAnswer(listener: () => void): () => void;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The delay before the watch's question after `attempt` unanswered ones: 1 s, doubling, at most
 * 8 s. Soon for a blip, then no more than one refresh call every 8 s from this page while the
 * server stays away. auth-react's own question as the page opens counts as the first.
 */
export function returnCheckDelayMs(attempt: number): number {
  return Math.min(1_000 * 2 ** attempt, 8_000);
}

/** A question the SDK leaves unanswered this long (a refresh stalled on the network) counts as unanswered. */
const QUESTION_DEADLINE_MS = 15_000;

/**
 * Watches the sign-in page for a session the SDK could not confirm, and takes the user where a
 * sign-in would have once it is confirmed. supertokens-auth-react shows the sign-in form when
 * `doesSessionExist()` answers no, and that answer is also "no" when the access token has expired
 * and its refresh fails on the network or with a 5xx: a signed-in user then sees the form, and
 * nothing asks again when the network comes back. This asks again, sooner when the browser
 * reports the network back or the tab shown.
 *
 * It watches only a session the browser held when the page opened (the SDK's front token): a
 * visitor who signs in on this page is taken on by auth-react alone, never twice, and a session
 * that ends (a refused refresh drops the front token) ends the watch. Returns a function that
 * stops watching.
 */
export function watchSignInPageForSession(
  options: WatchSignInPageOptions = {},
  environment: SignInPageEnvironment = browserSignInPageEnvironment(options),
): () => void {
  let stopped = false;
  let asking = false;
  let attempt = 0;
  let timer: unknown;
  let stopListening = () => {};

  const stop = () => {
    stopped = true;
    environment.clearTimeout(timer);
    stopListening();
  };

  const scheduleNext = () => {
    environment.clearTimeout(timer);
    timer = environment.setTimeout(() => void ask(), returnCheckDelayMs(attempt));
    attempt += 1;
  };

  const ask = async () => {
    if (stopped || asking) return;
    asking = true;
    environment.clearTimeout(timer);
    let answer: 'confirmed' | 'gone' | 'unanswered' = 'unanswered';
    try {
      if (!(await environment.hasFrontToken())) answer = 'gone';
      else if (await withinDeadline(environment, environment.sessionExists())) answer = 'confirmed';
    } catch {
      // the SDK threw instead of answering: unanswered, asked again later
    }
    asking = false;
    if (stopped) return;
    if (answer === 'unanswered') return scheduleNext();
    stop();
    const here = environment.currentUrl();
    if (answer === 'confirmed' && withoutTrailingSlash(here.pathname) === withoutTrailingSlash(options.signInPath ?? '/auth')) {
      environment.navigate(returnUrlOf(here, options));
    }
  };

  void environment.hasFrontToken().then(
    (heldSession) => {
      if (stopped) return;
      if (!heldSession) return stop();
      stopListening = environment.onChanceOfAnswer(() => {
        attempt = 0;
        void ask();
      });
      // auth-react asks the same question as the page mounts, and acts on a yes: that was the
      // first, so the watch's own is the backoff's second (2 s), clear of a refresh that just failed.
      attempt = 1;
      scheduleNext();
    },
    () => stop(),
  );
  return stop;
}

/** The SDK's answer, or `false` once `QUESTION_DEADLINE_MS` have passed without one. */
function withinDeadline(environment: SignInPageEnvironment, answer: Promise<boolean>): Promise<boolean> {
  let timer: unknown;
  const deadline = new Promise<boolean>((resolve) => (timer = environment.setTimeout(() => resolve(false), QUESTION_DEADLINE_MS)));
  return Promise.race([answer, deadline]).finally(() => environment.clearTimeout(timer));
}

/** `/auth/` and `/auth` are one page (Next's `trailingSlash`). */
const withoutTrailingSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/** The sign-in page's return path, kept on this site as `authReactConfig` keeps a sign-in's. */
export function returnUrlOf(signInPageUrl: URL, { fallbackPath = '/', allowedRedirectOrigins }: WatchSignInPageOptions): string {
  const target = signInPageUrl.searchParams.get(RETURN_TO_PARAM) ?? fallbackPath;
  return toSafeReturnUrl(target, signInPageUrl.origin, { allowedRedirectOrigins }) ?? fallbackPath;
}

function browserSignInPageEnvironment({ navigate }: WatchSignInPageOptions): SignInPageEnvironment {
  return {
    hasFrontToken: async () => frontTokenFromCookies(await readSdkCookies()) !== null,
    sessionExists: doesSessionExist,
    currentUrl: () => new URL(window.location.href),
    navigate: navigate ?? ((url) => window.location.assign(url)),
    onChanceOfAnswer(listener) {
      const onVisibilityChange = () => {
        if (document.visibilityState === 'visible') listener();
      };
      window.addEventListener('online', listener);
      document.addEventListener('visibilitychange', onVisibilityChange);
      return () => {
        window.removeEventListener('online', listener);
        document.removeEventListener('visibilitychange', onVisibilityChange);
      };
    },
    setTimeout: (callback, delayMs) => window.setTimeout(callback, delayMs),
    clearTimeout: (handle) => window.clearTimeout(handle as number | undefined),
  };
}
