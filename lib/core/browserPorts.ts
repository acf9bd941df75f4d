import { crossTabSessionEvents } from './crossTabSessionEvents';
import { createRecoveryAttemptStore } from './recoveryAttemptStore';
import { toSameOriginPath } from './sameOriginPath';
import type { RouterPorts, SessionFlowPorts, SessionPorts } from './sessionFlowPorts';
import { safeSessionStorage } from './tabStorageSlot';

/** The query parameter that carries the way back on SuperTokens' sign-in page. */
export const RETURN_TO_PARAM = 'redirectToPath';

/** The real world: a router adapter, a session SDK adapter, and `window`. */
export function createBrowserPorts(router: RouterPorts, session: SessionPorts): SessionFlowPorts {
  return {
    refreshSession: () => session.refreshSession(),
    classifyRefreshFailure: (error) => session.classifyRefreshFailure(error),
    reloadServerProps: () => session.whileReloading(router.reloadServerProps()),
    reloadDocument: () => window.location.reload(),
    redirectToSignIn: (returnTo) => session.redirectToSignIn(returnTo, (url) => router.navigate(url)),
    signInUrl: (returnTo) => session.signInUrl(returnTo),
    loadDocument: (url) => window.location.assign(url),
    returnFromSignIn: () => {
      const here = new URL(window.location.href);
      const back = here.searchParams.get(RETURN_TO_PARAM);
      const target = back === null ? null : toSameOriginPath(back, here.origin);
      if (target) router.navigate(target);
    },
    signOut: () => session.signOut(),
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
    isAccessTokenExpired: () => session.isAccessTokenExpired(),
    hasSession: () => session.hasSession(),
    accessTokenTimes: async () => session.accessTokenTimes?.() ?? null,
    isTabActive: () => !document.hidden && navigator.onLine,
    sessionEvents: crossTabSessionEvents(),
  };
}
