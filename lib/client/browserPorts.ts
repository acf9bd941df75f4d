import Router from 'next/router';
import SuperTokens from 'supertokens-auth-react';
import Session from 'supertokens-auth-react/recipe/session';
import { CookieHandlerReference } from 'supertokens-web-js/utils/cookieHandler';
import { DateProviderReference } from 'supertokens-web-js/utils/dateProvider';
import { crossTabSessionEvents } from './crossTabSessionEvents';
import { accessTokenExpiryFromCookies } from './frontToken';
import { createPagesRouterReload } from './pagesRouterReload';
import { createRecoveryAttemptStore } from './recoveryAttemptStore';
import { toSameOriginPath } from './sameOriginPath';
import type { SessionFlowPorts } from './sessionFlowPorts';
import { safeSessionStorage } from './tabStorageSlot';

export const REFRESH_START_MARK = 'session-flow:refresh-start';
/** The query parameter that carries the way back on SuperTokens' sign-in page. */
export const RETURN_TO_PARAM = 'redirectToPath';

/** What differs between Next's two routers: how the server props run again, how to go to a URL. */
export interface RouterPorts {
  reloadServerProps: SessionFlowPorts['reloadServerProps'];
  navigate(url: string): void;
  /** A hash a reload took off the address bar for a while (the pages router's), `''` otherwise. */
  hashInFlight(): string;
}

/** The pages router (`next/router`): a soft reload is a `_next/data` request for the same URL. */
export function pagesRouterPorts(): RouterPorts {
  const softReload = createPagesRouterReload(Router);
  return { reloadServerProps: softReload.reload, navigate: (url) => void Router.replace(url), hashInFlight: softReload.hashInFlight };
}

/** The real world: SuperTokens in the browser, Next's router (the pages router unless told), `window`. */
export function createBrowserPorts(router: RouterPorts = pagesRouterPorts()): SessionFlowPorts {
  return {
    refreshSession: () => {
      // A User Timing mark: recovery shows up in the DevTools timeline and in RUM tools.
      performance.mark(REFRESH_START_MARK);
      return Session.attemptRefreshingSession();
    },
    reloadServerProps: router.reloadServerProps,
    reloadDocument: () => window.location.reload(),
    redirectToSignIn: (returnTo) => {
      void SuperTokens.redirectToAuth({ show: 'signin', redirectBack: false, queryParams: { [RETURN_TO_PARAM]: returnTo } });
    },
    returnFromSignIn: () => {
      const here = new URL(window.location.href);
      const back = here.searchParams.get(RETURN_TO_PARAM);
      const target = back === null ? null : toSameOriginPath(back, here.origin);
      if (target) router.navigate(target);
    },
    signOut: () => Session.signOut(),
    currentUrl: () => {
      const url = new URL(window.location.href);
      if (!url.hash) url.hash = router.hashInFlight();
      return url;
    },
    setTimer: (callback, delayMs) => {
      const handle = window.setTimeout(callback, delayMs);
      return () => window.clearTimeout(handle);
    },
    recoveryAttempts: createRecoveryAttemptStore(safeSessionStorage()),
    isAccessTokenExpired: async () => {
      const cookies = await CookieHandlerReference.getReferenceOrThrow().cookieHandler.getCookie();
      const expiresAt = accessTokenExpiryFromCookies(cookies);
      // The SDK's own clock: it corrects for the skew between this browser and the backend.
      return expiresAt !== null && expiresAt <= DateProviderReference.getReferenceOrThrow().dateProvider.now();
    },
    sessionEvents: crossTabSessionEvents(),
  };
}
