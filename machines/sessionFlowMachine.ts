import { assign, setup } from 'xstate';
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
 * The session flow of one browser tab: seeded by the server's verdict on the first page, fed every
 * later verdict as an event, and recovering an expired session without loops or false sign-outs.
 *
 * Pure: every effect (refresh, reload, redirect, sign-out, timers, storage) is a named action whose
 * real implementation the runtime in `lib/core` provides; results come back as events. No
 * `invoke` and no `after`, so `createTestModel` from `xstate/graph` accepts the machine as it is.
 * What each state and transition is for, in words, is in sessionFlowDescriptions.ts.
 */

/**
 * While recovering (refreshing, offline, stuck), a navigation's verdict matters only if the server
 * accepted the session; another expired verdict is remembered but must not restart recovery.
 */
const onlyAnAcceptedVerdictChangesCourse = [
  { guard: 'isValidSessionVerdict', target: 'checking', actions: 'storeVerdict' },
  { actions: 'storeVerdict' },
] as const;

/** What a recovery's failures taught, but for the backoff: only a refresh that succeeds ends an outage. */
const failuresCleared = { lastFailure: null, failedRefreshes: 0, configurationFaults: 0 } as const;
const failuresForgotten = { ...failuresCleared, backoffLevel: 0 } as const;
const endedRecovery = { ...failuresForgotten, stuckReason: null } as const;

const leaveWhenSignedOutElsewhere = { target: 'redirecting' } as const;

/** A soft reload (or the hard one after it) gets the whole deadline to bring its verdict. */
const startFullReloadDeadline = {
  type: 'scheduleReloadDeadline',
  params: ({ context }: { context: SessionFlowContext }) => ({ delayMs: context.reloadDeadline.totalMs }),
} as const;

/**
 * Refresh ahead of the access token's expiry, no sooner than the backoff after failed background
 * refreshes (`revalidating`'s): the runtime knows the token's expiry, whether the tab is visible
 * and online, and whether another tab refreshed first (it then waits for the new token's turn).
 */
const scheduleProactiveRefresh = {
  type: 'scheduleProactiveRefresh',
  params: ({ context }: { context: SessionFlowContext }) => ({
    notBeforeMs: context.backoffLevel && retryDelayMs(context.backoffLevel, context.retryDelay),
  }),
} as const;

const resumeWithFreshSession = {
  target: 'reloading',
  actions: ['resetRecovery', 'forgetRecoveryAttempts'],
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
    loadSignInDocument: () => {},
    returnFromSignIn: () => {},
    signOut: () => {},
    scheduleRetry: (_, _params: { delayMs: number }) => {},
    cancelRetry: () => {},
    scheduleReloadDeadline: (_, _params: { delayMs: number }) => {},
    cancelReloadDeadline: () => {},
    scheduleRedirectDeadline: (_, _params: { delayMs: number }) => {},
    cancelRedirectDeadline: () => {},
    scheduleProactiveRefresh: (_, _params: { notBeforeMs: number }) => {},
    cancelProactiveRefresh: () => {},
    rememberRecoveryAttempts: (_, _params: { attempts: number }) => {},
    forgetRecoveryAttempts: () => {},

    storeVerdict: assign({
      verdict: ({ event }) => eventOfType(event, 'server.verdictReceived').verdict,
    }),
    forgetVerdict: assign({ verdict: null }),
    countRecoveryAttempt: assign({
      ...failuresForgotten,
      recoveryAttempts: ({ context }) => context.recoveryAttempts + 1,
    }),
    countFailedRefresh: assign({
      backoffLevel: ({ context }) => nextBackoffLevel(context.backoffLevel, context.retryDelay),
      failedRefreshes: ({ context }) => Math.min(context.failedRefreshes + 1, context.offerSignInAfterFailures),
      configurationFaults: 0,
      lastFailure: ({ event }) => eventOfType(event, 'refresh.failed').cause,
    }),
    countConfigurationFault: assign({
      configurationFaults: ({ context }) => context.configurationFaults + 1,
      lastFailure: ({ event }) => eventOfType(event, 'refresh.failed').cause,
    }),
    /** What one recovery learned; the spent budget stays (it must survive a detour). */
    endRecovery: assign(endedRecovery),
    // The backoff stays: a navigation or a retry does not end an outage.
    resetRecovery: assign({ ...failuresCleared, stuckReason: null, recoveryAttempts: 0 }),
    markStuck: assign({
      ...failuresForgotten,
      stuckReason: (_, params: { reason: StuckReason }) => params.reason,
    }),
  },
  guards: {
    hasNoVerdict: ({ context }) => context.verdict === null,
    isSessionValid: ({ context }) => context.verdict?.status === 'ok',
    isWithinRecoveryBudget: ({ context }) => context.recoveryAttempts < context.maxRecoveryAttempts,
    isValidSessionVerdict: ({ event }) => event.type === 'server.verdictReceived' && event.verdict.status === 'ok',
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
    'server.verdictReceived': {
      target: '.checking',
      actions: 'storeVerdict',
    },
    'page.publicShown': {
      target: '.idle',
      actions: ['forgetVerdict', 'endRecovery'],
    },
  },
  states: {
    checking: {
      always: [
        { guard: 'hasNoVerdict', target: 'idle' },
        { guard: 'isSessionValid', target: 'authenticated', actions: ['resetRecovery', 'forgetRecoveryAttempts'] },
        { guard: 'isWithinRecoveryBudget', target: 'refreshing' },
        {
          target: 'stuck',
          actions: {
            type: 'markStuck',
            // Two cookies of one name stand in the way, not a server that rejects a good session.
            params: ({ context }) => ({ reason: isDuplicateCookiesVerdict(context.verdict) ? 'duplicate-session-cookies' : 'server-rejects-refreshed-session' }),
          },
        },
      ],
    },
    idle: {
      on: {
        'session.signedInElsewhere': {
          actions: 'returnFromSignIn',
        },
      },
    },
    authenticated: {
      entry: scheduleProactiveRefresh,
      exit: 'cancelProactiveRefresh',
      on: {
        'page.restored': 'reloading',
        'page.woke': [
          {
            guard: 'hasAccessTokenExpired',
            target: 'revalidating',
          },
          // A hidden tab never refreshes ahead: visible again, it schedules from the token it holds now.
          { target: 'authenticated', reenter: true },
        ],
        'network.online': { target: 'authenticated', reenter: true },
        'refresh.due': 'revalidating',
        'session.signedOutElsewhere': leaveWhenSignedOutElsewhere,
      },
    },
    revalidating: {
      entry: 'refreshSession',
      on: {
        'refresh.succeeded': {
          target: 'authenticated',
          actions: 'endRecovery',
        },
        'refresh.rejected': 'redirecting',
        // Counted as the recovery's failures are: a recovery that follows backs off from there.
        'refresh.failed': {
          target: 'authenticated',
          actions: 'countFailedRefresh',
        },
        'session.signedOutElsewhere': leaveWhenSignedOutElsewhere,
      },
    },
    refreshing: {
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
        'refresh.rejected': 'redirecting',
        'refresh.failed': [
          {
            guard: 'isFirstConfigurationFault',
            target: 'refreshing',
            reenter: true,
            actions: 'countConfigurationFault',
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
          },
          {
            target: 'offline',
            actions: 'countFailedRefresh',
          },
        ],
        'server.verdictReceived': onlyAnAcceptedVerdictChangesCourse,
        'session.signedOutElsewhere': leaveWhenSignedOutElsewhere,
        // Heard now or never: when this tab's own refresh then fails on the network, nothing
        // else would bring it back while the other tab's session sits in the shared cookies.
        'session.refreshedElsewhere': resumeWithFreshSession,
      },
    },
    reloading: {
      initial: 'soft',
      on: { 'session.signedOutElsewhere': leaveWhenSignedOutElsewhere },
      states: {
        soft: {
          entry: [
            'reloadServerProps',
            startFullReloadDeadline,
          ],
          exit: 'cancelReloadDeadline',
          on: {
            'reload.completed': {
              actions: {
                type: 'scheduleReloadDeadline',
                params: ({ context }) => ({ delayMs: context.reloadDeadline.afterRouterMs }),
              },
            },
            'reload.cancelled': {
              actions: startFullReloadDeadline,
            },
            'reload.failed': 'hard',
            'reload.timedOut': 'hard',
          },
        },
        hard: {
          entry: [
            'reloadDocument',
            startFullReloadDeadline,
          ],
          exit: 'cancelReloadDeadline',
          on: {
            'reload.timedOut': {
              target: '#sessionFlow.stuck',
              actions: { type: 'markStuck', params: { reason: 'document-reload-failed' } },
            },
          },
        },
      },
    },
    offline: {
      entry: {
        type: 'scheduleRetry',
        params: ({ context }) => ({ delayMs: retryDelayMs(context.backoffLevel, context.retryDelay) }),
      },
      exit: 'cancelRetry',
      on: {
        'retry.due': 'refreshing',
        'network.online': 'refreshing',
        'page.woke': 'refreshing',
        'user.retryRequested': 'refreshing',
        'user.signInRequested': {
          guard: 'hasFailedRepeatedly',
          target: 'signingOut',
        },
        'session.refreshedElsewhere': resumeWithFreshSession,
        'session.signedInElsewhere': resumeWithFreshSession,
        'session.signedOutElsewhere': leaveWhenSignedOutElsewhere,
        'server.verdictReceived': onlyAnAcceptedVerdictChangesCourse,
      },
    },
    stuck: {
      on: {
        'user.retryRequested': { target: 'refreshing', actions: ['resetRecovery', 'forgetRecoveryAttempts'] },
        'user.signInRequested': 'signingOut',
        'session.signedInElsewhere': resumeWithFreshSession,
        'session.signedOutElsewhere': leaveWhenSignedOutElsewhere,
        'server.verdictReceived': onlyAnAcceptedVerdictChangesCourse,
      },
    },
    signingOut: {
      entry: ['resetRecovery', 'forgetRecoveryAttempts', 'signOut'],
      on: {
        'signOut.succeeded': 'redirecting',
        'signOut.failed': {
          target: 'stuck',
          actions: { type: 'markStuck', params: { reason: 'sign-out-failed' } },
        },
      },
    },
    redirecting: {
      initial: 'soft',
      entry: 'endRecovery',
      on: {
        'page.publicShown': {
          target: '.arrived',
          actions: 'forgetVerdict',
        },
        'session.signedInElsewhere': {
          actions: 'returnFromSignIn',
        },
      },
      states: {
        soft: {
          entry: [
            'redirectToSignIn',
            {
              type: 'scheduleRedirectDeadline',
              params: ({ context }) => ({ delayMs: context.redirectDeadline.routerMs }),
            },
          ],
          exit: 'cancelRedirectDeadline',
          on: {
            'redirect.failed': 'hard',
            'redirect.timedOut': 'hard',
          },
        },
        hard: {
          entry: [
            'loadSignInDocument',
            {
              type: 'scheduleRedirectDeadline',
              params: ({ context }) => ({ delayMs: context.redirectDeadline.documentMs }),
            },
          ],
          exit: 'cancelRedirectDeadline',
          on: {
            'redirect.timedOut': 'failed',
          },
        },
        failed: {},
        arrived: {},
      },
    },
  },
});

export type SessionFlowMachine = typeof sessionFlowMachine;

function isDuplicateCookiesVerdict(verdict: SessionFlowContext['verdict']): boolean {
  return verdict?.status === 'needs-refresh' && verdict.reason === 'duplicate';
}

function stuckReasonOf(event: SessionFlowEvent): StuckReason {
  return stuckReasonForFault(eventOfType(event, 'refresh.failed').cause) ?? 'server-rejects-refreshed-session';
}

/**
 * `event`, known to be of `type`: what xstate's `assertEvent` does for one type, in fewer bytes
 * (every page carries the machine). An action wired to another event is a bug in this file.
 */
function eventOfType<Type extends SessionFlowEvent['type']>(event: SessionFlowEvent, type: Type): Extract<SessionFlowEvent, { type: Type }> {
  if (event.type !== type) throw new Error(`sessionFlow: expected a ${type} event, got ${event.type}`);
  return event as Extract<SessionFlowEvent, { type: Type }>;
}
