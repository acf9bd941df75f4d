import Router from 'next/router';
import { signOut } from 'supertokens-website';
import { CookieHandlerReference } from 'supertokens-website/utils/cookieHandler';
import { DateProviderReference } from 'supertokens-website/utils/dateProvider';
import { crossTabSessionEvents } from './crossTabSessionEvents';
import { accessTokenExpiryFromCookies } from './frontToken';
import { createPagesRouterReload } from './pagesRouterReload';
import { createRecoveryAttemptStore } from './recoveryAttemptStore';
import { toSameOriginPath } from './sameOriginPath';
import type { SessionFlowPorts } from './sessionFlowPorts';
import { createRefreshBookkeeping } from './refreshBookkeeping';
import { refreshSession } from './sessionRefresh';
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

/**
 * The real world: SuperTokens in the browser, Next's router (the pages router unless told),
 * `window`. The session calls go to SuperTokens' Session recipe itself (supertokens-website),
 * which supertokens-auth-react and supertokens-web-js initialise too, so they work on a page that
 * initialised any of the three.
 */
export function createBrowserPorts(router: RouterPorts = pagesRouterPorts()): SessionFlowPorts {
  const setTimer: SessionFlowPorts['setTimer'] = (callback, delayMs) => {
    const handle = window.setTimeout(callback, delayMs);
    return () => window.clearTimeout(handle);
  };
  const bookkeeping = createRefreshBookkeeping(setTimer);
  return {
    refreshSession: async () => {
      // A User Timing mark: recovery shows up in the DevTools timeline and in RUM tools.
      performance.mark(REFRESH_START_MARK);
      await bookkeeping.flush();
      return refreshSession(bookkeeping.later);
    },
    reloadServerProps: () => bookkeeping.holdWhile(router.reloadServerProps()),
    reloadDocument: () => window.location.reload(),
    redirectToSignIn: (returnTo) => {
      // Loaded when needed: pages that never show auth-react's UI need not carry it (its
      // `redirectToAuth` needs auth-react initialised; an app without it passes its own port).
      void import('supertokens-auth-react').then(({ redirectToAuth }) =>
        redirectToAuth({ show: 'signin', redirectBack: false, queryParams: { [RETURN_TO_PARAM]: returnTo } }),
      );
    },
    returnFromSignIn: () => {
      const here = new URL(window.location.href);
      const back = here.searchParams.get(RETURN_TO_PARAM);
      const target = back === null ? null : toSameOriginPath(back, here.origin);
      if (target) router.navigate(target);
    },
    signOut: () => signOut(),
    currentUrl: () => {
      const url = new URL(window.location.href);
      if (!url.hash) url.hash = router.hashInFlight();
      return url;
    },
    setTimer,
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
