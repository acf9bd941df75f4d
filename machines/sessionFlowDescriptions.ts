import { StateMachine } from 'xstate';
import { sessionFlowMachine, type SessionFlowMachine } from './sessionFlowMachine';

/**
 * What each state and transition of the session-flow machine is for, in words: for the Stately
 * inspector and the README diagram, both development tools. Kept out of the machine itself, so a
 * page that runs the flow never loads them (about 1 kB gzip): `describedSessionFlowMachine` lays
 * them over the machine where they are wanted (the runtime outside production, the diagram).
 *
 * States are named by their path (`reloading.soft`; `''` is the machine); transitions by their
 * state's path and event (`refreshing:refresh.rejected`), with the position
 * among the event's transitions where it has several (`refreshing:refresh.failed#2`, `checking:always#3`).
 */

const LEAVE_WHEN_SIGNED_OUT_ELSEWHERE = 'Another tab signed out: this one leaves what it shows and goes to sign in.';
const STILL_EXPIRED = 'Still expired: carry on where we are rather than restart.';
const RESUME_WITH_FRESH_SESSION = 'Another tab holds a fresh session now (the cookies are shared): load the page with it.';

export const SESSION_FLOW_STATE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  checking: 'Reads the latest server verdict and the recovery budget, and moves on at once.',
  idle: 'The pages seen so far never checked the session (public pages): nothing to do.',
  authenticated: 'The server accepted the session for the current page; its content is shown. While visible and online, refreshes shortly before the access token expires.',
  revalidating: 'Refreshing in the background (ahead of expiry, or for a woken tab); the page it shows stays on screen.',
  refreshing: 'Exchanging the refresh token for a new access token.',
  reloading: 'Running the server props again so the page renders with the refreshed session.',
  'reloading.soft': 'Re-runs the server props through the router: no document reload, no flash.',
  'reloading.hard': 'The router could not re-run the props: reload the document as a fallback.',
  offline: 'The last refresh hit a network error or a 5xx. Retries with capped backoff.',
  stuck: 'Recovery cannot go on by itself. Waits for the user: try again, or sign in again.',
  signingOut: 'The user chose to sign in again: end this session first, or the sign-in page sends them back.',
  redirecting: 'Sending the user to sign in, with this page (path, query and hash) as the way back.',
  'redirecting.soft': 'Through the router, or the SDK’s own redirect: the sign-in page shows without a document load.',
  'redirecting.hard': 'The soft way failed or took too long: load the sign-in page as a document.',
  'redirecting.failed': 'Even the document load did not happen: the screen shows a link to the sign-in page.',
  'redirecting.arrived': 'The sign-in page is on screen: wait there, so a sign-in elsewhere can send us back.',
};

export const SESSION_FLOW_TRANSITION_DESCRIPTIONS: Readonly<Record<string, string>> = {
  ':server.verdictReceived': 'Every page the server renders (first load, client navigation, reload) brings a new verdict.',
  ':page.publicShown': 'A page that checks no session ends any recovery: no timer left, no redirect from a public page.',
  'checking:always#3': 'The session was refreshed, yet the server still rejects it (or sees two session cookies it cannot choose between): stop instead of looping, and say which.',
  'idle:session.signedInElsewhere': 'On a sign-in page that carries a way back, another tab signing in sends this one back.',
  'authenticated:page.restored': 'Restored from the back/forward cache: ask the server again before trusting the page.',
  'authenticated:page.woke#0': 'Visible again with an expired access token: refresh before the next click needs it.',
  'authenticated:page.woke#1': 'Visible again: a hidden tab never refreshes ahead, so schedule it from the token held now.',
  'authenticated:network.online': 'Online again: an offline tab never refreshes ahead, so schedule it from the token held now.',
  'authenticated:refresh.due': 'The access token expires soon and no other tab has refreshed it: refresh now, so no navigation meets it expired.',
  'authenticated:session.signedOutElsewhere': LEAVE_WHEN_SIGNED_OUT_ELSEWHERE,
  'revalidating:refresh.rejected': 'The session ended while the tab was hidden: leave the protected content.',
  'revalidating:refresh.failed': 'Nothing is lost yet: try again after a backoff, and the next page request recovers as usual.',
  'revalidating:session.signedOutElsewhere': LEAVE_WHEN_SIGNED_OUT_ELSEWHERE,
  'refreshing:refresh.rejected': 'The refresh token is gone, expired or revoked: only now is the user signed out.',
  'refreshing:refresh.failed#0': 'A cookie conflict: SuperTokens clears the older cookie on the first answer, so ask once more.',
  'refreshing:refresh.failed#1': 'The same fault twice: retrying cannot fix a configuration fault, so say what it is.',
  'refreshing:refresh.failed#2': 'A network error or a 5xx says nothing about the session: retry, never sign out.',
  'refreshing:server.verdictReceived#1': STILL_EXPIRED,
  'refreshing:session.signedOutElsewhere': LEAVE_WHEN_SIGNED_OUT_ELSEWHERE,
  'reloading:session.signedOutElsewhere': LEAVE_WHEN_SIGNED_OUT_ELSEWHERE,
  'reloading.soft:reload.completed': 'The router rendered: its verdict follows at once, or this reload brought none.',
  'reloading.soft:reload.cancelled': 'A newer navigation won: its verdict decides, and it gets the full deadline to bring one.',
  'reloading.soft:reload.timedOut': 'No new verdict in time: the server props did not run again, so reload the document.',
  'reloading.hard:reload.timedOut': 'The document was told to reload and is still here: say so, and offer the ways out.',
  'offline:network.online': 'The browser is back online: retry at once.',
  'offline:page.woke': 'The user looks at the tab again: retry at once.',
  'offline:user.signInRequested': 'After repeated failures the user may give up on this session.',
  'offline:session.refreshedElsewhere': RESUME_WITH_FRESH_SESSION,
  'refreshing:session.refreshedElsewhere': RESUME_WITH_FRESH_SESSION,
  'offline:session.signedInElsewhere': RESUME_WITH_FRESH_SESSION,
  'offline:session.signedOutElsewhere': LEAVE_WHEN_SIGNED_OUT_ELSEWHERE,
  'offline:server.verdictReceived#1': STILL_EXPIRED,
  'stuck:session.signedInElsewhere': RESUME_WITH_FRESH_SESSION,
  'stuck:session.signedOutElsewhere': LEAVE_WHEN_SIGNED_OUT_ELSEWHERE,
  'stuck:server.verdictReceived#1': STILL_EXPIRED,
  'signingOut:signOut.failed': 'The session could not be ended: say so, and keep both ways out.',
  'redirecting:page.publicShown': 'The sign-in page itself checks no session: it is on screen.',
  'redirecting:session.signedInElsewhere': 'Another tab signed in: come back from the sign-in page without asking again.',
  'redirecting.soft:redirect.failed': 'The redirect could not start (the SDK is not set up here, a chunk failed to load): load the page instead.',
  'redirecting.soft:redirect.timedOut': 'The sign-in page did not show in time: load it as a document instead.',
  'redirecting.hard:redirect.timedOut': 'The page is still here: no way left but the user’s, so offer a link.',
};

type TransitionConfig = string | { readonly description?: string; readonly [key: string]: unknown };
interface StateConfig {
  readonly description?: string;
  readonly on?: Readonly<Record<string, TransitionConfig | readonly TransitionConfig[]>>;
  readonly always?: TransitionConfig | readonly TransitionConfig[];
  readonly states?: Readonly<Record<string, StateConfig>>;
}

let described: SessionFlowMachine | undefined;

/** The session-flow machine with its descriptions: the same states, transitions and actions. Made once, when first asked for. */
export function describedSessionFlowMachine(): SessionFlowMachine {
  described ??= new StateMachine(
    describeState(sessionFlowMachine.config as StateConfig, '') as SessionFlowMachine['config'],
    sessionFlowMachine.implementations,
  ) as SessionFlowMachine;
  return described;
}

function describeState(state: StateConfig, path: string): StateConfig {
  const description = SESSION_FLOW_STATE_DESCRIPTIONS[path];
  const { on, always, states } = state;
  return {
    ...state,
    ...(description !== undefined && { description }),
    ...(on && { on: mapEntries(on, (event, transitions) => describeTransitions(transitions, `${path}:${event}`)) }),
    ...(always && { always: describeTransitions(always, `${path}:always`) }),
    ...(states && { states: mapEntries(states, (name, child) => describeState(child, path ? `${path}.${name}` : name)) }),
  };
}

function describeTransitions(transitions: TransitionConfig | readonly TransitionConfig[], key: string) {
  return Array.isArray(transitions)
    ? transitions.map((transition: TransitionConfig, index) => describeTransition(transition, `${key}#${index}`))
    : describeTransition(transitions as TransitionConfig, key);
}

function describeTransition(transition: TransitionConfig, key: string): TransitionConfig {
  const description = SESSION_FLOW_TRANSITION_DESCRIPTIONS[key];
  if (description === undefined) return transition;
  return typeof transition === 'string' ? { target: transition, description } : { ...transition, description };
}

function mapEntries<T, U>(record: Readonly<Record<string, T>>, map: (key: string, value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(key, value)]));
}
