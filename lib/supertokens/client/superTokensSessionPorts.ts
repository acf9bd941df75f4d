import { RETURN_TO_PARAM, type SessionPorts } from 'ssr-session-flow/core';
import { classifyRefreshFailure } from './classifyRefreshFailure';
import { isAuthReactConfigured } from './authReactSetUp';
import { frontTokenFromCookies, readFrontToken } from './frontToken';
import { publicRefresh, type RefreshStrategy } from './refreshStrategy';
import type { RefreshEndpoint } from './refreshWithoutFrontToken';
import { readSdkCookies } from './sdkCookies';
import { sdkNow } from './sdkClock';

export const REFRESH_START_MARK = 'session-flow:refresh-start';

export interface SuperTokensSessionPortsOptions extends RefreshEndpoint {
  /** Where SuperTokens' sign-in page is (auth-react's `websiteBasePath`): `/auth` by default. */
  signInPath?: string;
  /** SuperTokens' public `attemptRefreshingSession()` by default; `leanRefresh()` trades coupling for speed. */
  refresh?: RefreshStrategy;
}

/**
 * SuperTokens in the browser. The calls go to SuperTokens' Session recipe itself
 * (supertokens-website), which supertokens-auth-react and supertokens-web-js initialise too, so
 * they work on a page that initialised any of the three.
 */
export function superTokensSessionPorts(options: SuperTokensSessionPortsOptions = {}): SessionPorts {
  const { signInPath = '/auth', refresh = publicRefresh } = options;
  // As the SDK decides whether a session exists: by its front token.
  const hasSession = async () => frontTokenFromCookies(await readSdkCookies()) !== null;
  const signInUrl = (returnTo: string) => `${signInPath}?${new URLSearchParams({ show: 'signin', [RETURN_TO_PARAM]: returnTo }).toString()}`;
  return {
    refreshSession: async () => {
      // A User Timing mark: recovery shows up in the DevTools timeline and in RUM tools.
      performance.mark(REFRESH_START_MARK);
      // The flow refreshes because the server saw a session. Without a front token the SDK may
      // deny there is one: see refreshWithoutFrontToken.ts, loaded only then.
      if (await hasSession()) return refresh.refresh();
      return (await import('./refreshWithoutFrontToken')).refreshWithoutFrontToken(options, refresh);
    },
    classifyRefreshFailure,
    whileReloading: (reload) => refresh.whileReloading(reload),
    // "Sign in again" wants the sign-in form, not the session's end for its own sake: where the
    // refresh cannot be reached the SDK's sign-out gives up locally, and the form still appears
    // (auth-react cannot confirm a session either). A user's own "Sign out" button wants the
    // opposite, and uses this package's `signOut`, which rejects then.
    // Loaded when it happens (see signOut.ts): bytes of every first load otherwise.
    signOut: () => import('./signOutBetweenRefreshes').then((module) => module.signOutBetweenRefreshes()),
    redirectToSignIn: async (returnTo, navigate) => {
      // Where the app set auth-react up (`authReactConfig`), its own redirect, which honours the
      // app's `getRedirectionURL` for TO_AUTH; it is loaded already then. Elsewhere (every page
      // on supertokens-website alone) the router goes to the sign-in page: auth-react's 60 kB are
      // not worth fetching only to learn that it was never initialised here.
      if (!isAuthReactConfigured()) return navigate(signInUrl(returnTo));
      const { redirectToAuth } = await import('supertokens-auth-react');
      await redirectToAuth({ show: 'signin', redirectBack: false, queryParams: { [RETURN_TO_PARAM]: returnTo } });
    },
    signInUrl,
    isAccessTokenExpired: async () => {
      const token = readFrontToken(await readSdkCookies());
      return token !== null && token.expiresAt <= sdkNow();
    },
    // Nothing to time a refresh ahead by without the issue time (a front token that does not carry
    // `iat`), or with a token issued at or after its expiry (written by hand, a broken server clock).
    accessTokenTimes: async () => {
      const token = readFrontToken(await readSdkCookies());
      if (token?.issuedAt === undefined || token.expiresAt <= token.issuedAt) return null;
      return { expiresInMs: token.expiresAt - sdkNow(), lifetimeMs: token.expiresAt - token.issuedAt, expiresAt: token.expiresAt };
    },
    hasSession,
  };
}
