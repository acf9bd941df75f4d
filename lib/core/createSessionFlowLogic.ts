import type { AnyActorRef } from 'xstate';
import { describedSessionFlowMachine, sessionFlowMachine, type RefreshFailureCause, type SessionFlowEvent } from 'ssr-session-flow/machine';
import { toSameOriginPath } from './sameOriginPath';
import type { SessionFlowPorts } from './sessionFlowPorts';

export interface SessionFlowRuntimeOptions {
  /** A refresh or sign-out that has not answered by then counts as a network failure. */
  refreshTimeoutMs?: number;
  /** Spreads retries of many tabs apart; pass `() => 0.5` for exact delays in tests. */
  random?: () => number;
  /**
   * Refreshes the access token shortly before it expires while the tab is visible, online and
   * signed in (one tab for all: the others find the fresh token), so an active user's navigations
   * never meet an expired one. On by default; `false` refreshes only when a page needs it.
   */
  proactiveRefresh?: boolean;
}

const DEFAULT_REFRESH_TIMEOUT_MS = 15_000;
const JITTER = 0.2;
/**
 * How long before expiry a token is refreshed ahead: a fifth of its lifetime, at most a minute
 * (a minute for SuperTokens' default hour; 0.6 s for the browser tests' 3 s tokens), more by up to
 * JITTER so that tabs do not all ask at once.
 */
const PROACTIVE_LEAD_SHARE = 0.2;
/** The longest lead a refresh ahead can take, as a share of the token's lifetime (the bench waits it out). */
export const LONGEST_PROACTIVE_LEAD_SHARE = PROACTIVE_LEAD_SHARE * (1 + JITTER);
const PROACTIVE_LEAD_MAX_MS = 60_000;

/**
 * The session-flow machine with its effects wired to `ports`: the thin runtime. Each effect reports
 * back as an event; results that arrive after the actor stopped, or after the machine moved on
 * from the step that asked for them, are dropped.
 */
export function createSessionFlowLogic(ports: SessionFlowPorts, options: SessionFlowRuntimeOptions = {}) {
  const refreshTimeoutMs = options.refreshTimeoutMs ?? DEFAULT_REFRESH_TIMEOUT_MS;
  const random = options.random ?? Math.random;
  let refreshInFlight = false;
  let reloadGeneration = 0;
  let proactiveGeneration = 0;
  const timers = createTimerSlots(ports.setTimer);

  /** This page, path, query and hash (the server never sees the hash), as the way back from sign-in. */
  const returnPath = () => {
    const here = ports.currentUrl();
    return toSameOriginPath(here.href, here.origin) ?? '/';
  };

  /**
   * What a failed refresh means. A bug (the port's own words: `unexpected`, or a classifier that
   * throws) is logged for developers and ends in `stuck` with its way out, never `offline` for ever.
   */
  const classify = async (error: unknown): Promise<RefreshFailureCause> => {
    const cause = await ports.classifyRefreshFailure(error).catch(() => 'unexpected' as const);
    if (cause === 'unexpected') console.error('ssr-session-flow: the session refresh failed unexpectedly (a bug, not an outage):', error);
    return cause;
  };

  const report = (self: AnyActorRef, event: SessionFlowEvent) => {
    if (self.getSnapshot().status === 'active') self.send(event);
  };

  // With its descriptions for the inspector outside production. `NODE_ENV` is inlined at build
  // time, so a production bundle keeps only the bare machine and leaves the words out.
  const machine = process.env.NODE_ENV === 'production' ? sessionFlowMachine : describedSessionFlowMachine();
  return machine.provide({
    actions: {
      refreshSession: ({ self }) => {
        // A second entry while a call is running (React Strict Mode re-running effects) joins it.
        if (refreshInFlight) return;
        refreshInFlight = true;
        settleWithin(attempt(() => ports.refreshSession()), refreshTimeoutMs, ports.setTimer).then(
          (refreshed) => {
            refreshInFlight = false;
            report(self, { type: refreshed ? 'refresh.succeeded' : 'refresh.rejected' });
          },
          async (error: unknown) => {
            const cause = error instanceof NoAnswerError ? 'network' : await classify(error);
            refreshInFlight = false;
            report(self, { type: 'refresh.failed', cause });
          },
        );
      },
      reloadServerProps: ({ self }) => {
        const generation = ++reloadGeneration;
        // Only this reload's answer counts, and only while the machine still waits for it.
        const reportIfCurrent = (event: SessionFlowEvent) => {
          if (generation === reloadGeneration && self.getSnapshot().matches({ reloading: 'soft' })) report(self, event);
        };
        ports.reloadServerProps().then(
          (completed) => reportIfCurrent({ type: completed ? 'reload.completed' : 'reload.cancelled' }),
          () => reportIfCurrent({ type: 'reload.failed' }),
        );
      },
      reloadDocument: () => ports.reloadDocument(),
      redirectToSignIn: ({ self }) => {
        // A port that throws or rejects (the SDK not set up in this document, a chunk that did
        // not load) must not leave the user waiting: the document load takes over at once.
        const fail = (error: unknown) => {
          console.error('ssr-session-flow: the redirect to sign in failed; loading the sign-in page instead.', error);
          if (self.getSnapshot().matches({ redirecting: 'soft' })) report(self, { type: 'redirect.failed' });
        };
        try {
          void Promise.resolve(ports.redirectToSignIn(returnPath())).catch(fail);
        } catch (error) {
          // Reported once this transition is over, as an answer that came back at once.
          queueMicrotask(() => fail(error));
        }
      },
      loadSignInDocument: () => {
        try {
          ports.loadDocument(ports.signInUrl(returnPath()));
        } catch (error) {
          // The deadline still runs: the screen then offers a link instead.
          console.error('ssr-session-flow: loading the sign-in page failed.', error);
        }
      },
      returnFromSignIn: () => ports.returnFromSignIn(),
      signOut: ({ self }) => {
        settleWithin(ports.signOut(), refreshTimeoutMs, ports.setTimer).then(
          () => report(self, { type: 'signOut.succeeded' }),
          () => report(self, { type: 'signOut.failed' }),
        );
      },
      scheduleRetry: ({ self }, { delayMs }) => {
        const jittered = Math.round(delayMs * (1 - JITTER + 2 * JITTER * random()));
        timers.start('retry', jittered, () => report(self, { type: 'retry.due' }));
      },
      cancelRetry: () => timers.cancel('retry'),
      scheduleReloadDeadline: ({ self }, { delayMs }) => {
        timers.start('reloadDeadline', delayMs, () => report(self, { type: 'reload.timedOut' }));
      },
      cancelReloadDeadline: () => timers.cancel('reloadDeadline'),
      scheduleRedirectDeadline: ({ self }, { delayMs }) => {
        timers.start('redirectDeadline', delayMs, () => report(self, { type: 'redirect.timedOut' }));
      },
      cancelRedirectDeadline: () => timers.cancel('redirectDeadline'),
      scheduleProactiveRefresh: ({ self }, { notBeforeMs }) => {
        if (options.proactiveRefresh === false) return;
        const generation = ++proactiveGeneration;
        // Drawn once per schedule, so the check when due agrees with the time it was set for.
        const leadJitter = 1 + JITTER * random();
        // Read when due, not when scheduled: another tab may have refreshed meanwhile (then wait
        // for the new token's turn), signed out (no token: nothing to do), or this tab gone hidden
        // or offline (paused: `page.woke` and `network.online` schedule again).
        const whenDue = () =>
          void ports.accessTokenTimes().then((times) => {
            if (generation !== proactiveGeneration || times === null || !ports.isTabActive()) return;
            const leadMs = Math.min(PROACTIVE_LEAD_MAX_MS, times.lifetimeMs * PROACTIVE_LEAD_SHARE) * leadJitter;
            if (times.expiresInMs > leadMs) return timers.start('proactiveRefresh', times.expiresInMs - leadMs, whenDue);
            // One tab for all: the first to claim this token. The others look again half a lead
            // later, once its refresh is done and the cookies it wrote have reached them (a tab
            // reads them a little later than the one that wrote them, and would refresh the same
            // token again: the SDK's lock compares those cookies).
            return ports.sessionEvents.claimRefreshAhead(times.expiresAt).then((mine) => {
              if (generation !== proactiveGeneration) return;
              if (mine) report(self, { type: 'refresh.due' });
              else timers.start('proactiveRefresh', leadMs / 2, whenDue);
            });
          }, ignore);
        if (notBeforeMs > 0) timers.start('proactiveRefresh', notBeforeMs, whenDue);
        else whenDue();
      },
      cancelProactiveRefresh: () => {
        proactiveGeneration += 1;
        timers.cancel('proactiveRefresh');
      },
      rememberRecoveryAttempts: (_, { attempts }) => ports.recoveryAttempts.write(attempts),
      forgetRecoveryAttempts: () => ports.recoveryAttempts.clear(),
    },
  });
}

export type SessionFlowLogic = ReturnType<typeof createSessionFlowLogic>;

/** Named one-shot timers: starting one replaces the pending one of the same name. */
function createTimerSlots(setTimer: SessionFlowPorts['setTimer']) {
  const pending = new Map<string, () => void>();
  const cancel = (name: string) => {
    pending.get(name)?.();
    pending.delete(name);
  };
  return {
    start(name: string, delayMs: number, callback: () => void) {
      cancel(name);
      pending.set(
        name,
        setTimer(() => {
          pending.delete(name);
          callback();
        }, delayMs),
      );
    },
    cancel,
  };
}

/** A port that cannot tell (no front token it can read) only means no refresh ahead. */
function ignore(): void {}

/** `call()`'s promise, or its synchronous throw as a rejection. */
function attempt<T>(call: () => Promise<T>): Promise<T> {
  try {
    return call();
  } catch (error) {
    return Promise.reject(error);
  }
}

/** A call that did not answer in time: to the user, the same as no network. */
class NoAnswerError extends Error {
  override name = 'NoAnswerError';
}

/** Rejects with a `NoAnswerError` when `promise` takes longer than `ms`. */
function settleWithin<T>(promise: Promise<T>, ms: number, setTimer: SessionFlowPorts['setTimer']): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = setTimer(() => reject(new NoAnswerError(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        cancel();
        resolve(value);
      },
      (error: unknown) => {
        cancel();
        reject(error);
      },
    );
  });
}
