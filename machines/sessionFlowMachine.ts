import { assertEvent, assign, setup } from 'xstate';
import { nextBackoffLevel, retryDelayMs } from './retryDelay';
import {
  initialContext,
  stuckReasonForFault,
  type SessionFlowContext,
  type SessionFlowEvent,
  type SessionFlowInput,
  type StuckReason,
} from './sessionFlowTypes';

export * from './sessionFlowTypes';

/**
 * The descriptions are for the Stately inspector and the README diagram, both development tools:
 * a production build leaves them out, about 1 kB of every page's first load (`NODE_ENV` is
 * inlined at build time, so each `WITH_DESCRIPTIONS ? '…' : undefined` folds to `undefined`).
 */
const WITH_DESCRIPTIONS = process.env.NODE_ENV !== 'production';

/**
 * The session flow of one browser tab: seeded by the server's verdict on the first page, fed every
 * later verdict as an event, and recovering an expired session without loops or false sign-outs.
 *
 * Pure: every effect (refresh, reload, redirect, sign-out, timers, storage) is a named action whose
 * real implementation the runtime in `lib/client` provides; results come back as events. No
 * `invoke` and no `after`, so `createTestModel` from `xstate/graph` accepts the machine as it is.
 */

/**
 * While recovering (refreshing, offline, stuck), a navigation's verdict matters only if the server
 * accepted the session; another expired verdict is remembered but must not restart recovery.
 */
const onlyAnAcceptedVerdictChangesCourse = [
  { guard: 'isValidSessionOutcome', target: 'checking', actions: 'storeOutcome' },
  { actions: 'storeOutcome', description: WITH_DESCRIPTIONS ? 'Still expired: carry on where we are rather than restart.' : undefined },
] as const;

const failuresForgotten = { backoffLevel: 0, lastFailure: null, failedRefreshes: 0, configurationFaults: 0 } as const;
const endedRecovery = { ...failuresForgotten, stuckReason: null } as const;

const leaveWhenSignedOutElsewhere = {
  target: 'redirecting',
  description: WITH_DESCRIPTIONS ? 'Another tab signed out: this one leaves what it shows and goes to sign in.' : undefined,
} as const;

const resumeWithFreshSession = {
  target: 'reloading',
  actions: ['resetRecovery', 'forgetRecoveryAttempts'],
  description: WITH_DESCRIPTIONS ? 'Another tab holds a fresh session now (the cookies are shared): load the page with it.' : undefined,
} as const;

export const sessionFlowMachine = setup({
  types: {
    input: {} as SessionFlowInput,
    context: {} as SessionFlowContext,
    events: {} as SessionFlowEvent,
  },
  actions: {
    // Effects: no-ops here, supplied by the runtime (or a test) through `machine.provide`.
    refreshSession: () => {},
    reloadServerProps: () => {},
    reloadDocument: () => {},
    redirectToSignIn: () => {},
    returnFromSignIn: () => {},
    signOut: () => {},
    scheduleRetry: (_, _params: { delayMs: number }) => {},
    cancelRetry: () => {},
    scheduleReloadDeadline: (_, _params: { delayMs: number }) => {},
    cancelReloadDeadline: () => {},
    rememberRecoveryAttempts: (_, _params: { attempts: number }) => {},
    forgetRecoveryAttempts: () => {},

    storeOutcome: assign({
      outcome: ({ event }) => {
        assertEvent(event, 'server.outcomeReceived');
        return event.outcome;
      },
    }),
    forgetOutcome: assign({ outcome: null }),
    countRecoveryAttempt: assign({
      ...failuresForgotten,
      recoveryAttempts: ({ context }) => context.recoveryAttempts + 1,
    }),
    countFailedRefresh: assign({
      backoffLevel: ({ context }) => nextBackoffLevel(context.backoffLevel, context.retryDelay),
      failedRefreshes: ({ context }) => Math.min(context.failedRefreshes + 1, context.offerSignInAfterFailures),
      configurationFaults: 0,
      lastFailure: ({ event }) => {
        assertEvent(event, 'refresh.failed');
        return event.cause;
      },
    }),
    countConfigurationFault: assign({
      configurationFaults: ({ context }) => context.configurationFaults + 1,
      lastFailure: ({ event }) => {
        assertEvent(event, 'refresh.failed');
        return event.cause;
      },
    }),
    /** What one recovery learned; the spent budget stays (it must survive a detour). */
    endRecovery: assign(endedRecovery),
    resetRecovery: assign({ ...endedRecovery, recoveryAttempts: 0 }),
    markStuck: assign({
      ...failuresForgotten,
      stuckReason: (_, params: { reason: StuckReason }) => params.reason,
    }),
  },
  guards: {
    hasNoOutcome: ({ context }) => context.outcome === null,
    isSessionValid: ({ context }) => context.outcome?.status === 'ok',
    isWithinRecoveryBudget: ({ context }) => context.recoveryAttempts < context.maxRecoveryAttempts,
    isValidSessionOutcome: ({ event }) => event.type === 'server.outcomeReceived' && event.outcome.status === 'ok',
    isConfigurationFault: ({ event }) => event.type === 'refresh.failed' && stuckReasonForFault(event.cause) !== undefined,
    isFirstConfigurationFault: ({ context, event }) =>
      context.configurationFaults === 0 && event.type === 'refresh.failed' && stuckReasonForFault(event.cause) !== undefined,
    hasFailedRepeatedly: ({ context }) => context.failedRefreshes >= context.offerSignInAfterFailures,
    hasAccessTokenExpired: ({ event }) => event.type === 'page.woke' && event.accessTokenExpired,
  },
}).createMachine({
  id: 'sessionFlow',
  context: ({ input }) => initialContext(input),
  initial: 'checking',
  on: {
    'server.outcomeReceived': {
      target: '.checking',
      actions: 'storeOutcome',
      description: WITH_DESCRIPTIONS ? 'Every page the server renders (first load, client navigation, reload) brings a new verdict.' : undefined,
    },
    'page.publicShown': {
      target: '.idle',
      actions: ['forgetOutcome', 'endRecovery'],
      description: WITH_DESCRIPTIONS ? 'A page that checks no session ends any recovery: no timer left, no redirect from a public page.' : undefined,
    },
  },
  states: {
    checking: {
      description: WITH_DESCRIPTIONS ? 'Reads the latest server verdict and the recovery budget, and moves on at once.' : undefined,
      always: [
        { guard: 'hasNoOutcome', target: 'idle' },
        { guard: 'isSessionValid', target: 'authenticated', actions: ['resetRecovery', 'forgetRecoveryAttempts'] },
        { guard: 'isWithinRecoveryBudget', target: 'refreshing' },
        {
          target: 'stuck',
          actions: { type: 'markStuck', params: { reason: 'server-rejects-refreshed-session' } },
          description: WITH_DESCRIPTIONS ? 'The session was refreshed, yet the server still rejects it: stop instead of looping.' : undefined,
        },
      ],
    },
    idle: {
      description: WITH_DESCRIPTIONS ? 'The pages seen so far never checked the session (public pages): nothing to do.' : undefined,
      on: {
        'session.signedInElsewhere': {
          actions: 'returnFromSignIn',
          description: WITH_DESCRIPTIONS ? 'On a sign-in page that carries a way back, another tab signing in sends this one back.' : undefined,
        },
      },
    },
    authenticated: {
      description: WITH_DESCRIPTIONS ? 'The server accepted the session for the current page; its content is shown.' : undefined,
      on: {
        'page.restored': {
          target: 'reloading',
          description: WITH_DESCRIPTIONS ? 'Restored from the back/forward cache: ask the server again before trusting the page.' : undefined,
        },
        'page.woke': {
          guard: 'hasAccessTokenExpired',
          target: 'revalidating',
          description: WITH_DESCRIPTIONS ? 'Visible again with an expired access token: refresh before the next click needs it.' : undefined,
        },
        'session.signedOutElsewhere': leaveWhenSignedOutElsewhere,
      },
    },
    revalidating: {
      description: WITH_DESCRIPTIONS ? 'Refreshing in the background for a woken tab; the page it shows stays on screen.' : undefined,
      entry: 'refreshSession',
      on: {
        'refresh.succeeded': 'authenticated',
        'refresh.rejected': {
          target: 'redirecting',
          description: WITH_DESCRIPTIONS ? 'The session ended while the tab was hidden: leave the protected content.' : undefined,
        },
        'refresh.failed': {
          target: 'authenticated',
          description: WITH_DESCRIPTIONS ? 'Nothing is lost yet: the next page request recovers as usual.' : undefined,
        },
        'session.signedOutElsewhere': leaveWhenSignedOutElsewhere,
      },
    },
    refreshing: {
      description: WITH_DESCRIPTIONS ? 'Exchanging the refresh token for a new access token.' : undefined,
      entry: 'refreshSession',
      on: {
        'refresh.succeeded': {
          target: 'reloading',
          actions: [
            'countRecoveryAttempt',
            {
              type: 'rememberRecoveryAttempts',
              params: ({ context }) => ({ attempts: context.recoveryAttempts }),
            },
          ],
        },
        'refresh.rejected': {
          target: 'redirecting',
          description: WITH_DESCRIPTIONS ? 'The refresh token is gone, expired or revoked: only now is the user signed out.' : undefined,
        },
        'refresh.failed': [
          {
            guard: 'isFirstConfigurationFault',
            target: 'refreshing',
            reenter: true,
            actions: 'countConfigurationFault',
            description: WITH_DESCRIPTIONS ? 'A cookie conflict: SuperTokens clears the older cookie on the first answer, so ask once more.' : undefined,
          },
          {
            guard: 'isConfigurationFault',
            target: 'stuck',
            actions: [
              'countConfigurationFault',
              {
                type: 'markStuck',
                params: ({ event }) => ({ reason: stuckReasonOf(event) }),
              },
            ],
            description: WITH_DESCRIPTIONS ? 'The same fault twice: retrying cannot fix a configuration fault, so say what it is.' : undefined,
          },
          {
            target: 'offline',
            actions: 'countFailedRefresh',
            description: WITH_DESCRIPTIONS ? 'A network error or a 5xx says nothing about the session: retry, never sign out.' : undefined,
          },
        ],
        'server.outcomeReceived': onlyAnAcceptedVerdictChangesCourse,
        'session.signedOutElsewhere': leaveWhenSignedOutElsewhere,
      },
    },
    reloading: {
      description: WITH_DESCRIPTIONS ? 'Running the server props again so the page renders with the refreshed session.' : undefined,
      initial: 'soft',
      on: { 'session.signedOutElsewhere': leaveWhenSignedOutElsewhere },
      states: {
        soft: {
          description: WITH_DESCRIPTIONS ? 'Re-runs the server props through the router: no document reload, no flash.' : undefined,
          entry: [
            'reloadServerProps',
            {
              type: 'scheduleReloadDeadline',
              params: ({ context }) => ({ delayMs: context.reloadDeadline.totalMs }),
            },
          ],
          exit: 'cancelReloadDeadline',
          on: {
            'reload.completed': {
              actions: {
                type: 'scheduleReloadDeadline',
                params: ({ context }) => ({ delayMs: context.reloadDeadline.afterRouterMs }),
              },
              description: WITH_DESCRIPTIONS ? 'The router rendered: its verdict follows at once, or this reload brought none.' : undefined,
            },
            'reload.cancelled': {
              actions: {
                type: 'scheduleReloadDeadline',
                params: ({ context }) => ({ delayMs: context.reloadDeadline.totalMs }),
              },
              description: WITH_DESCRIPTIONS ? 'A newer navigation won: its verdict decides, and it gets the full deadline to bring one.' : undefined,
            },
            'reload.failed': 'hard',
            'reload.timedOut': {
              target: 'hard',
              description: WITH_DESCRIPTIONS ? 'No new verdict in time: the server props did not run again, so reload the document.' : undefined,
            },
          },
        },
        hard: {
          description: WITH_DESCRIPTIONS ? 'The router could not re-run the props: reload the document as a fallback.' : undefined,
          entry: 'reloadDocument',
        },
      },
    },
    offline: {
      description: WITH_DESCRIPTIONS ? 'The last refresh hit a network error or a 5xx. Retries with capped backoff.' : undefined,
      entry: {
        type: 'scheduleRetry',
        params: ({ context }) => ({ delayMs: retryDelayMs(context.backoffLevel, context.retryDelay) }),
      },
      exit: 'cancelRetry',
      on: {
        'retry.due': 'refreshing',
        'network.online': { target: 'refreshing', description: WITH_DESCRIPTIONS ? 'The browser is back online: retry at once.' : undefined },
        'page.woke': { target: 'refreshing', description: WITH_DESCRIPTIONS ? 'The user looks at the tab again: retry at once.' : undefined },
        'user.retryRequested': 'refreshing',
        'user.signInRequested': {
          guard: 'hasFailedRepeatedly',
          target: 'signingOut',
          description: WITH_DESCRIPTIONS ? 'After repeated failures the user may give up on this session.' : undefined,
        },
        'session.refreshedElsewhere': resumeWithFreshSession,
        'session.signedInElsewhere': resumeWithFreshSession,
        'session.signedOutElsewhere': leaveWhenSignedOutElsewhere,
        'server.outcomeReceived': onlyAnAcceptedVerdictChangesCourse,
      },
    },
    stuck: {
      description: WITH_DESCRIPTIONS ? 'Recovery cannot go on by itself. Waits for the user: try again, or sign in again.' : undefined,
      on: {
        'user.retryRequested': { target: 'refreshing', actions: ['resetRecovery', 'forgetRecoveryAttempts'] },
        'user.signInRequested': 'signingOut',
        'session.signedInElsewhere': resumeWithFreshSession,
        'session.signedOutElsewhere': leaveWhenSignedOutElsewhere,
        'server.outcomeReceived': onlyAnAcceptedVerdictChangesCourse,
      },
    },
    signingOut: {
      description: WITH_DESCRIPTIONS ? 'The user chose to sign in again: end this session first, or the sign-in page sends them back.' : undefined,
      entry: ['resetRecovery', 'forgetRecoveryAttempts', 'signOut'],
      on: {
        'signOut.succeeded': 'redirecting',
        'signOut.failed': {
          target: 'stuck',
          actions: { type: 'markStuck', params: { reason: 'sign-out-failed' } },
          description: WITH_DESCRIPTIONS ? 'The session could not be ended: say so, and keep both ways out.' : undefined,
        },
      },
    },
    redirecting: {
      description: WITH_DESCRIPTIONS ? 'Sending the user to sign in, with this page (path, query and hash) as the way back.' : undefined,
      entry: ['endRecovery', 'redirectToSignIn'],
      on: {
        'page.publicShown': {
          actions: 'forgetOutcome',
          description: WITH_DESCRIPTIONS ? 'The sign-in page itself checks no session: stay, so a sign-in elsewhere can send us back.' : undefined,
        },
        'session.signedInElsewhere': {
          actions: 'returnFromSignIn',
          description: WITH_DESCRIPTIONS ? 'Another tab signed in: come back from the sign-in page without asking again.' : undefined,
        },
      },
    },
  },
});

export type SessionFlowMachine = typeof sessionFlowMachine;

function stuckReasonOf(event: SessionFlowEvent): StuckReason {
  assertEvent(event, 'refresh.failed');
  return stuckReasonForFault(event.cause) ?? 'server-rejects-refreshed-session';
}
