import { signOut } from 'supertokens-website';
import { CookieHandlerReference } from 'supertokens-website/utils/cookieHandler';
import { DateProviderReference } from 'supertokens-website/utils/dateProvider';
import { RETURN_TO_PARAM, type SessionPorts } from 'ssr-session-flow/core';
import { classifyRefreshFailure } from './classifyRefreshFailure';
import { accessTokenExpiryFromCookies, frontTokenFromCookies } from './frontToken';
import { createRefreshBookkeeping } from './refreshBookkeeping';
import { refreshSession } from './sessionRefresh';

export const REFRESH_START_MARK = 'session-flow:refresh-start';

export interface SuperTokensSessionPortsOptions {
  /** Where SuperTokens' sign-in page is (auth-react's `websiteBasePath`): `/auth` by default. */
  signInPath?: string;
}

/**
 * SuperTokens in the browser. The calls go to SuperTokens' Session recipe itself
 * (supertokens-website), which supertokens-auth-react and supertokens-web-js initialise too, so
 * they work on a page that initialised any of the three.
 */
export function superTokensSessionPorts({ signInPath = '/auth' }: SuperTokensSessionPortsOptions = {}): SessionPorts {
  const bookkeeping = createRefreshBookkeeping((callback, delayMs) => {
    const handle = window.setTimeout(callback, delayMs);
    return () => window.clearTimeout(handle);
  });
  return {
    refreshSession: async () => {
      // A User Timing mark: recovery shows up in the DevTools timeline and in RUM tools.
      performance.mark(REFRESH_START_MARK);
      await bookkeeping.flush();
      return refreshSession(bookkeeping.later);
    },
    classifyRefreshFailure,
    whileReloading: (reload) => bookkeeping.holdWhile(reload),
    signOut: () => signOut(),
    redirectToSignIn: async (returnTo) => {
      // auth-react's own redirect honours the app's `getRedirectionURL` for TO_AUTH. Loaded when
      // needed: pages that never show its UI need not carry it. Where it is not initialised (or
      // its chunk does not load) this rejects, and the flow loads `signInUrl` as a document.
      const { redirectToAuth } = await import('supertokens-auth-react');
      await redirectToAuth({ show: 'signin', redirectBack: false, queryParams: { [RETURN_TO_PARAM]: returnTo } });
    },
    signInUrl: (returnTo) => `${signInPath}?${new URLSearchParams({ show: 'signin', [RETURN_TO_PARAM]: returnTo }).toString()}`,
    isAccessTokenExpired: async () => {
      const expiresAt = accessTokenExpiryFromCookies(await readCookies());
      // The SDK's own clock: it corrects for the skew between this browser and the backend.
      return expiresAt !== null && expiresAt <= DateProviderReference.getReferenceOrThrow().dateProvider.now();
    },
    // As the SDK decides whether a session exists: by its front token.
    hasSession: async () => frontTokenFromCookies(await readCookies()) !== null,
  };
}

/** The cookies as the SDK reads them (its cookie handler: `document.cookie` unless the app gave another). */
function readCookies(): Promise<string> {
  return CookieHandlerReference.getReferenceOrThrow().cookieHandler.getCookie();
}
