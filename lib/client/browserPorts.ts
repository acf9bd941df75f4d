import Router from 'next/router';
import SuperTokens from 'supertokens-auth-react';
import Session from 'supertokens-auth-react/recipe/session';
import { createRecoveryAttemptStore } from './recoveryAttemptStore';
import type { SessionFlowPorts } from './sessionFlowPorts';
import { safeSessionStorage } from './tabStorageSlot';

export const REFRESH_START_MARK = 'session-flow:refresh-start';

/** The real world: SuperTokens in the browser, the Next pages router, `window`. */
export function createBrowserPorts(): SessionFlowPorts {
  return {
    refreshSession: () => {
      // A User Timing mark: recovery shows up in the DevTools timeline and in RUM tools.
      performance.mark(REFRESH_START_MARK);
      return Session.attemptRefreshingSession();
    },
    // Re-runs getServerSideProps for the same URL (a `_next/data` request): the page re-renders
    // with fresh props and keeps its scroll position and client state.
    reloadServerProps: () => Router.replace(Router.asPath, undefined, { scroll: false }),
    reloadDocument: () => window.location.reload(),
    redirectToSignIn: (returnTo) => {
      void SuperTokens.redirectToAuth({ show: 'signin', redirectBack: false, queryParams: { redirectToPath: returnTo } });
    },
    currentUrl: () => new URL(window.location.href),
    setTimer: (callback, delayMs) => {
      const handle = window.setTimeout(callback, delayMs);
      return () => window.clearTimeout(handle);
    },
    recoveryAttempts: createRecoveryAttemptStore(safeSessionStorage()),
  };
}
