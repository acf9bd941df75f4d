import type { StuckReason } from './sessionFlowTypes';

/**
 * Every word the kit shows or announces. An app overrides some of them (`messages={{ … }}`) or all
 * of them (a whole dictionary typed `SessionFlowMessages`, where a missing key fails the
 * type-check). English is the default.
 */
export interface SessionFlowMessages {
  checking: string;
  refreshing: string;
  /** A woken tab refreshing behind the page it shows (rarely visible). */
  revalidating: string;
  reloading: string;
  offline: {
    /** No answer at all. */
    network: string;
    /** A 5xx: the backend or its core is down. */
    server: string;
    /** Added once "Sign in again" is offered too. */
    signInOffer: string;
  };
  stuck: Record<StuckReason, string>;
  signingOut: string;
  redirecting: string;
  /** The sign-in page did not open by itself: a link to it follows (`actions.goToSignIn`). */
  redirectFailed: string;
  authenticated: string;
  actions: {
    tryAgain: string;
    signInAgain: string;
    goToSignIn: string;
  };
}

/** Some of the messages, to lay over a complete dictionary. */
export type SessionFlowMessageOverrides = {
  [Key in keyof SessionFlowMessages]?: SessionFlowMessages[Key] extends string
    ? string
    : Partial<SessionFlowMessages[Key]>;
};

export const ENGLISH_MESSAGES: SessionFlowMessages = {
  checking: 'Checking your session…',
  refreshing: 'Refreshing your session…',
  revalidating: 'Checking your session…',
  reloading: 'Session refreshed. Loading the page again…',
  offline: {
    network: 'You appear to be offline. Your session is safe; retrying when the connection is back…',
    server: 'The sign-in service is not answering. Your session is safe; retrying…',
    signInOffer: 'You can also sign in again.',
  },
  stuck: {
    'server-rejects-refreshed-session':
      'Your session was refreshed, but the server still does not accept it. Try again, or sign in again if it keeps happening.',
    'duplicate-session-cookies':
      'Your browser holds two conflicting session cookies for this site, so the session cannot be renewed. ' +
      'Sign in again; if this keeps happening, clear this site’s cookies.',
    'front-token-missing':
      'The sign-in service answered without the session details this page needs (a proxy may be removing them). ' +
      'Try again, or sign in again.',
    'sign-out-failed': 'We could not sign you out: the server did not answer. Check your connection and try again.',
    'document-reload-failed': 'Your session was refreshed, but the page did not load again. Try again, or sign in again.',
    'unexpected-error': 'Something went wrong while renewing your session. Try again, or sign in again.',
  },
  signingOut: 'Signing you out so you can sign in again…',
  redirecting: 'Your session has ended. Taking you to sign in…',
  redirectFailed: 'Your session has ended, and the sign-in page did not open by itself.',
  authenticated: 'Signed in.',
  actions: {
    tryAgain: 'Try again',
    signInAgain: 'Sign in again',
    goToSignIn: 'Go to sign in',
  },
};

/** `overrides` laid over `base`, one level deep (the groups merge key by key). */
export function withMessages(
  overrides: SessionFlowMessageOverrides | undefined,
  base: SessionFlowMessages = ENGLISH_MESSAGES,
): SessionFlowMessages {
  if (!overrides) return base;
  return {
    ...base,
    ...overrides,
    offline: { ...base.offline, ...overrides.offline },
    stuck: { ...base.stuck, ...overrides.stuck },
    actions: { ...base.actions, ...overrides.actions },
  };
}
