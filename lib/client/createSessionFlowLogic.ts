import type { AnyActorRef } from 'xstate';
import { sessionFlowMachine, type SessionFlowEvent } from '../../machines/sessionFlowMachine';
import { toSameOriginPath } from './sameOriginPath';
import { classifyRefreshError, type SessionFlowPorts } from './sessionFlowPorts';

export interface SessionFlowRuntimeOptions {
  /** A refresh that has not answered by then counts as a network failure (then retried). */
  refreshTimeoutMs?: number;
  /** Spreads retries of many tabs apart; pass `() => 0.5` for exact delays in tests. */
  random?: () => number;
}

const DEFAULT_REFRESH_TIMEOUT_MS = 15_000;
const JITTER = 0.2;

/**
 * The session-flow machine with its effects wired to `ports`: the thin runtime. Each effect reports
 * back as an event; results that arrive after the actor stopped are dropped.
 */
export function createSessionFlowLogic(ports: SessionFlowPorts, options: SessionFlowRuntimeOptions = {}) {
  const refreshTimeoutMs = options.refreshTimeoutMs ?? DEFAULT_REFRESH_TIMEOUT_MS;
  const random = options.random ?? Math.random;
  let refreshInFlight = false;
  let cancelRetryTimer: (() => void) | null = null;

  const report = (self: AnyActorRef, event: SessionFlowEvent) => {
    if (self.getSnapshot().status === 'active') self.send(event);
  };

  return sessionFlowMachine.provide({
    actions: {
      refreshSession: ({ self }) => {
        // A second entry while a call is running (React Strict Mode re-running effects) joins it.
        if (refreshInFlight) return;
        refreshInFlight = true;
        settleWithin(ports.refreshSession(), refreshTimeoutMs, ports.setTimer).then(
          (refreshed) => {
            refreshInFlight = false;
            report(self, { type: refreshed ? 'refresh.succeeded' : 'refresh.rejected' });
          },
          (error: unknown) => {
            refreshInFlight = false;
            report(self, { type: 'refresh.failed', cause: classifyRefreshError(error) });
          },
        );
      },
      reloadServerProps: ({ self }) => {
        ports.reloadServerProps().then(
          (reloaded) => {
            if (!reloaded) report(self, { type: 'reload.failed' });
          },
          () => report(self, { type: 'reload.failed' }),
        );
      },
      reloadDocument: () => ports.reloadDocument(),
      redirectToSignIn: () => {
        const here = ports.currentUrl();
        ports.redirectToSignIn(toSameOriginPath(here.href, here.origin) ?? '/');
      },
      scheduleRetry: ({ self }, { delayMs }) => {
        cancelRetryTimer?.();
        const jittered = Math.round(delayMs * (1 - JITTER + 2 * JITTER * random()));
        cancelRetryTimer = ports.setTimer(() => {
          cancelRetryTimer = null;
          report(self, { type: 'retry.due' });
        }, jittered);
      },
      cancelRetry: () => {
        cancelRetryTimer?.();
        cancelRetryTimer = null;
      },
      rememberRecoveryAttempts: (_, { attempts }) => ports.recoveryAttempts.write(attempts),
      forgetRecoveryAttempts: () => ports.recoveryAttempts.clear(),
    },
  });
}

export type SessionFlowLogic = ReturnType<typeof createSessionFlowLogic>;

/** Rejects with a `TypeError` (read: network failure) when `promise` takes longer than `ms`. */
function settleWithin<T>(promise: Promise<T>, ms: number, setTimer: SessionFlowPorts['setTimer']): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = setTimer(() => reject(new TypeError(`refresh did not answer within ${ms} ms`)), ms);
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
