import { assertEvent, assign, setup } from 'xstate';
import type { SessionOutcome } from '../lib/sessionOutcome';
import { nextBackoffLevel, retryDelayMs, type RetryDelayOptions } from './retryDelay';

/**
 * The session flow of one browser tab: seeded by the server's verdict on the first page, fed every
 * later verdict as an event, and recovering an expired session without loops or false sign-outs.
 *
 * Pure: every effect (refresh, reload, redirect, timers, storage) is a named action whose real
 * implementation the runtime in `lib/client` provides; results come back as events. No `invoke`
 * and no `after`, so `createTestModel` from `xstate/graph` accepts the machine as it is.
 */

export type RefreshFailureCause = 'network' | 'server';

export type StuckReason = 'server-rejects-refreshed-session';

export interface SessionFlowInput {
  /** The verdict of the first page; `undefined` when that page never checked the session. */
  outcome: SessionOutcome | undefined;
  /** Recovery attempts this tab already spent; survives document reloads (the runtime stores it). */
  recoveryAttempts?: number;
  /** How many times a successful refresh may be followed by the server still rejecting. */
  maxRecoveryAttempts?: number;
  retryDelay?: Partial<RetryDelayOptions>;
}

export interface SessionFlowContext {
  outcome: SessionOutcome | null;
  recoveryAttempts: number;
  maxRecoveryAttempts: number;
  /** How far retries have backed off after refresh calls failed on the network or with a 5xx. */
  backoffLevel: number;
  lastFailure: RefreshFailureCause | null;
  stuckReason: StuckReason | null;
  retryDelay: RetryDelayOptions;
}

export type SessionFlowEvent =
  | { type: 'server.outcomeReceived'; outcome: SessionOutcome }
  | { type: 'refresh.succeeded' }
  | { type: 'refresh.rejected' }
  | { type: 'refresh.failed'; cause: RefreshFailureCause }
  | { type: 'reload.failed' }
  | { type: 'retry.due' }
  | { type: 'network.online' }
  | { type: 'page.restored' }
  | { type: 'user.retryRequested' }
  | { type: 'user.signInRequested' };

export const DEFAULT_MAX_RECOVERY_ATTEMPTS = 2;
export const DEFAULT_RETRY_DELAY: RetryDelayOptions = { initialMs: 1_000, maxMs: 30_000 };

/**
 * While recovering (refreshing, offline, stuck), a navigation's verdict matters only if the server
 * accepted the session; another expired verdict is remembered but must not restart recovery.
 */
const onlyAnAcceptedVerdictChangesCourse = [
  { guard: 'isValidSessionOutcome', target: 'checking', actions: 'storeOutcome' },
  { actions: 'storeOutcome', description: 'Still expired: carry on where we are rather than restart.' },
] as const;

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
    scheduleRetry: (_, _params: { delayMs: number }) => {},
    cancelRetry: () => {},
    rememberRecoveryAttempts: (_, _params: { attempts: number }) => {},
    forgetRecoveryAttempts: () => {},

    storeOutcome: assign({
      outcome: ({ event }) => {
        assertEvent(event, 'server.outcomeReceived');
        return event.outcome;
      },
    }),
    countRecoveryAttempt: assign({
      recoveryAttempts: ({ context }) => context.recoveryAttempts + 1,
      backoffLevel: 0,
      lastFailure: null,
    }),
    countFailedRefresh: assign({
      backoffLevel: ({ context }) => nextBackoffLevel(context.backoffLevel, context.retryDelay),
      lastFailure: ({ event }) => {
        assertEvent(event, 'refresh.failed');
        return event.cause;
      },
    }),
    resetRecovery: assign({ recoveryAttempts: 0, backoffLevel: 0, lastFailure: null, stuckReason: null }),
    markServerRejectsRefreshedSession: assign({ stuckReason: 'server-rejects-refreshed-session' as const }),
  },
  guards: {
    hasNoOutcome: ({ context }) => context.outcome === null,
    isSessionValid: ({ context }) => context.outcome?.status === 'ok',
    isWithinRecoveryBudget: ({ context }) => context.recoveryAttempts < context.maxRecoveryAttempts,
    isValidSessionOutcome: ({ event }) => event.type === 'server.outcomeReceived' && event.outcome.status === 'ok',
  },
}).createMachine({
  id: 'sessionFlow',
  context: ({ input }) => ({
    outcome: input.outcome ?? null,
    recoveryAttempts: Math.max(0, input.recoveryAttempts ?? 0),
    maxRecoveryAttempts: Math.max(0, input.maxRecoveryAttempts ?? DEFAULT_MAX_RECOVERY_ATTEMPTS),
    backoffLevel: 0,
    lastFailure: null,
    stuckReason: null,
    retryDelay: { ...DEFAULT_RETRY_DELAY, ...input.retryDelay },
  }),
  initial: 'checking',
  on: {
    'server.outcomeReceived': {
      target: '.checking',
      actions: 'storeOutcome',
      description: 'Every page the server renders (first load, client navigation, reload) brings a new verdict.',
    },
  },
  states: {
    checking: {
      description: 'Reads the latest server verdict and the recovery budget, and moves on at once.',
      always: [
        { guard: 'hasNoOutcome', target: 'idle' },
        { guard: 'isSessionValid', target: 'authenticated', actions: ['resetRecovery', 'forgetRecoveryAttempts'] },
        { guard: 'isWithinRecoveryBudget', target: 'refreshing' },
        {
          target: 'stuck',
          actions: 'markServerRejectsRefreshedSession',
          description: 'The session was refreshed, yet the server still rejects it: stop instead of looping.',
        },
      ],
    },
    idle: {
      description: 'The pages seen so far never checked the session (public pages): nothing to do.',
    },
    authenticated: {
      description: 'The server accepted the session for the current page; its content is shown.',
      on: {
        'page.restored': {
          target: 'reloading',
          description: 'Restored from the back/forward cache: ask the server again before trusting the page.',
        },
      },
    },
    refreshing: {
      description: 'Exchanging the refresh token for a new access token.',
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
          description: 'The refresh token is gone, expired or revoked: only now is the user signed out.',
        },
        'refresh.failed': {
          target: 'offline',
          actions: 'countFailedRefresh',
          description: 'A network error or a 5xx says nothing about the session: retry, never sign out.',
        },
        'server.outcomeReceived': onlyAnAcceptedVerdictChangesCourse,
      },
    },
    reloading: {
      description: 'Running the server props again so the page renders with the refreshed session.',
      initial: 'soft',
      states: {
        soft: {
          description: 'Re-runs getServerSideProps through the router: no document reload, no flash.',
          entry: 'reloadServerProps',
          on: { 'reload.failed': 'hard' },
        },
        hard: {
          description: 'The router could not re-run the props: reload the document as a fallback.',
          entry: 'reloadDocument',
        },
      },
    },
    offline: {
      description: 'The last refresh hit a network error or a 5xx. Retries with capped backoff.',
      entry: {
        type: 'scheduleRetry',
        params: ({ context }) => ({ delayMs: retryDelayMs(context.backoffLevel, context.retryDelay) }),
      },
      exit: 'cancelRetry',
      on: {
        'retry.due': 'refreshing',
        'network.online': { target: 'refreshing', description: 'The browser is back online: retry at once.' },
        'user.retryRequested': 'refreshing',
        'server.outcomeReceived': onlyAnAcceptedVerdictChangesCourse,
      },
    },
    stuck: {
      description: 'Recovery budget spent. Waits for the user: try again, or sign in again.',
      on: {
        'user.retryRequested': { target: 'refreshing', actions: ['resetRecovery', 'forgetRecoveryAttempts'] },
        'user.signInRequested': 'redirecting',
        'server.outcomeReceived': onlyAnAcceptedVerdictChangesCourse,
      },
    },
    redirecting: {
      description: 'Sending the user to sign in, with this page (path, query and hash) as the way back.',
      entry: 'redirectToSignIn',
    },
  },
});

export type SessionFlowMachine = typeof sessionFlowMachine;
