import { initialTransition, transition, type ExecutableActionsFrom } from 'xstate';
import {
  DEFAULT_MAX_RECOVERY_ATTEMPTS,
  sessionFlowMachine,
  type SessionFlowEvent,
  type SessionFlowInput,
} from '../../machines/sessionFlowMachine';
import { SAMPLE_VERDICTS } from '../../lib/testing/sessionFlowTestModel';

const ok = { type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.ok } as const;
const expired = { type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.expired } as const;

describe('session-flow machine: seeding from the server verdict', () => {
  it('starts authenticated when the server accepted the session, with a refresh ahead of expiry scheduled at once', () => {
    const [snapshot, actions] = start({ verdict: SAMPLE_VERDICTS.ok });
    expect(snapshot.value).toBe('authenticated');
    expect(actionTypes(actions)).toEqual(['forgetRecoveryAttempts', 'scheduleProactiveRefresh']);
    expect(paramsOf(actions, 'scheduleProactiveRefresh')).toEqual({ notBeforeMs: 0 });
  });

  it('starts refreshing when the server asked for a refresh', () => {
    const [snapshot, actions] = start({ verdict: SAMPLE_VERDICTS.expired });
    expect(snapshot.value).toBe('refreshing');
    expect(actionTypes(actions)).toEqual(['refreshSession']);
  });

  it('starts idle, with no effect, on a page that checks no session', () => {
    const [snapshot, actions] = start({ verdict: undefined });
    expect(snapshot.value).toBe('idle');
    expect(actions).toEqual([]);
  });

  it('names two access-token cookies as the cause when the server still sees them after the budget is spent', () => {
    const [snapshot, actions] = start({ verdict: SAMPLE_VERDICTS.duplicate, recoveryAttempts: 2, maxRecoveryAttempts: 2 });
    expect(snapshot.value).toBe('stuck');
    expect(snapshot.context.stuckReason).toBe('duplicate-session-cookies');
    expect(actionTypes(actions)).not.toContain('refreshSession');
  });

  it('refreshes first when the server sees two access-token cookies: the refresh may clear the stale one', () => {
    const [snapshot, actions] = start({ verdict: SAMPLE_VERDICTS.duplicate });
    expect(snapshot.value).toBe('refreshing');
    expect(actionTypes(actions)).toEqual(['refreshSession']);
  });

  it('starts stuck, without refreshing, when an earlier document already spent the budget', () => {
    const [snapshot, actions] = start({ verdict: SAMPLE_VERDICTS.expired, recoveryAttempts: 2, maxRecoveryAttempts: 2 });
    expect(snapshot.value).toBe('stuck');
    expect(snapshot.context.stuckReason).toBe('server-rejects-refreshed-session');
    expect(actionTypes(actions)).not.toContain('refreshSession');
  });

  it('defaults to a budget of two recovery attempts', () => {
    expect(start({ verdict: undefined })[0].context.maxRecoveryAttempts).toBe(DEFAULT_MAX_RECOVERY_ATTEMPTS);
    expect(DEFAULT_MAX_RECOVERY_ATTEMPTS).toBe(2);
  });
});

describe('session-flow machine: refreshing', () => {
  it('reloads the server props softly and remembers the attempt after a successful refresh', () => {
    const [snapshot, actions] = step({ verdict: SAMPLE_VERDICTS.expired }, [{ type: 'refresh.succeeded' }]);
    expect(snapshot.value).toEqual({ reloading: 'soft' });
    expect(snapshot.context.recoveryAttempts).toBe(1);
    expect(actions.map((a) => [a.type, a.params])).toEqual([
      ['rememberRecoveryAttempts', { attempts: 1 }],
      ['reloadServerProps', undefined],
      ['scheduleReloadDeadline', { delayMs: 15_000 }],
    ]);
  });

  it('redirects to sign-in when the refresh says the session is gone', () => {
    const [snapshot, actions] = step({ verdict: SAMPLE_VERDICTS.expired }, [{ type: 'refresh.rejected' }]);
    expect(snapshot.value).toEqual({ redirecting: 'soft' });
    expect(actionTypes(actions)).toEqual(['redirectToSignIn', 'scheduleRedirectDeadline']);
  });

  it.each(['network', 'server'] as const)('goes offline and schedules a retry, never a redirect, on a %s failure', (cause) => {
    const [snapshot, actions] = step({ verdict: SAMPLE_VERDICTS.expired }, [{ type: 'refresh.failed', cause }]);
    expect(snapshot.value).toBe('offline');
    expect(snapshot.context.lastFailure).toBe(cause);
    expect(actions.map((a) => [a.type, a.params])).toEqual([['scheduleRetry', { delayMs: 1000 }]]);
  });

  it('goes to authenticated when a navigation brings an accepted verdict mid-refresh', () => {
    expect(step({ verdict: SAMPLE_VERDICTS.expired }, [ok])[0].value).toBe('authenticated');
  });

  it('reloads with the fresh session when another tab refreshed mid-refresh (its own answer may be lost to the network)', () => {
    const [snapshot, actions] = step({ verdict: SAMPLE_VERDICTS.expired }, [{ type: 'session.refreshedElsewhere' }]);
    expect(snapshot.value).toEqual({ reloading: 'soft' });
    expect(actionTypes(actions)).toContain('reloadServerProps');
  });

  it('keeps the running refresh, without starting another, when another expired verdict arrives', () => {
    const [snapshot, actions] = step({ verdict: SAMPLE_VERDICTS.expired }, [expired]);
    expect(snapshot.value).toBe('refreshing');
    expect(actions).toEqual([]);
  });
});

describe('session-flow machine: reloading', () => {
  const reloading: SessionFlowEvent[] = [{ type: 'refresh.succeeded' }];

  it('falls back to a document reload when the soft reload could not run', () => {
    const [snapshot, actions] = step({ verdict: SAMPLE_VERDICTS.expired }, [...reloading, { type: 'reload.failed' }]);
    expect(snapshot.value).toEqual({ reloading: 'hard' });
    expect(actionTypes(actions)).toEqual(['cancelReloadDeadline', 'reloadDocument', 'scheduleReloadDeadline']);
  });

  it('settles in authenticated and forgets the spent attempts when the server accepts', () => {
    const [snapshot, actions] = step({ verdict: SAMPLE_VERDICTS.expired }, [...reloading, ok]);
    expect(snapshot.value).toBe('authenticated');
    expect(snapshot.context.recoveryAttempts).toBe(0);
    expect(actionTypes(actions)).toEqual(['cancelReloadDeadline', 'forgetRecoveryAttempts', 'scheduleProactiveRefresh']);
  });

  it('refreshes again while the server still rejects and budget is left', () => {
    const [snapshot, actions] = step({ verdict: SAMPLE_VERDICTS.expired }, [...reloading, expired]);
    expect(snapshot.value).toBe('refreshing');
    expect(actionTypes(actions)).toEqual(['cancelReloadDeadline', 'refreshSession']);
  });

  it('stops in stuck, not in another reload, once the server rejected every refreshed session of the budget', () => {
    const cycle: SessionFlowEvent[] = [{ type: 'refresh.succeeded' }, expired];
    const [snapshot, actions] = step({ verdict: SAMPLE_VERDICTS.expired, maxRecoveryAttempts: 2 }, [...cycle, ...cycle]);
    expect(snapshot.value).toBe('stuck');
    expect(snapshot.context.recoveryAttempts).toBe(2);
    expect(actionTypes(actions)).toEqual(['cancelReloadDeadline']);
  });

  it('never refreshes when the budget is zero', () => {
    expect(start({ verdict: SAMPLE_VERDICTS.expired, maxRecoveryAttempts: 0 })[0].value).toBe('stuck');
  });
});

describe('session-flow machine: offline', () => {
  const offline: SessionFlowEvent[] = [{ type: 'refresh.failed', cause: 'network' }];

  it.each(['retry.due', 'network.online', 'user.retryRequested'] as const)('cancels the timer and refreshes on %s', (type) => {
    const [snapshot, actions] = step({ verdict: SAMPLE_VERDICTS.expired }, [...offline, { type }]);
    expect(snapshot.value).toBe('refreshing');
    expect(actionTypes(actions)).toEqual(['cancelRetry', 'refreshSession']);
  });

  it('backs off exponentially and caps the delay', () => {
    const failAgain: SessionFlowEvent[] = [{ type: 'retry.due' }, { type: 'refresh.failed', cause: 'network' }];
    const delays: unknown[] = [];
    let [snapshot] = step({ verdict: SAMPLE_VERDICTS.expired, retryDelay: { initialMs: 1000, maxMs: 5000 } }, offline);
    for (let i = 0; i < 5; i += 1) {
      let actions;
      [snapshot, actions] = failAgain.reduce<[typeof snapshot, ActionList]>(
        ([s], event) => transition(sessionFlowMachine, s, event),
        [snapshot, []],
      );
      delays.push(actions.find((a) => a.type === 'scheduleRetry')?.params);
    }
    expect(delays).toEqual([{ delayMs: 2000 }, { delayMs: 4000 }, { delayMs: 5000 }, { delayMs: 5000 }, { delayMs: 5000 }]);
  });

  it('settles when a navigation brings an accepted verdict while offline', () => {
    const [snapshot, actions] = step({ verdict: SAMPLE_VERDICTS.expired }, [...offline, ok]);
    expect(snapshot.value).toBe('authenticated');
    expect(actionTypes(actions)).toEqual(['cancelRetry', 'forgetRecoveryAttempts', 'scheduleProactiveRefresh']);
  });

  it('stays offline on another expired verdict', () => {
    expect(step({ verdict: SAMPLE_VERDICTS.expired }, [...offline, expired])[0].value).toBe('offline');
  });
});

describe('session-flow machine: stuck', () => {
  const stuckInput: SessionFlowInput = { verdict: SAMPLE_VERDICTS.expired, recoveryAttempts: 2 };

  it('starts over with a fresh budget when the user asks to try again', () => {
    const [snapshot, actions] = step(stuckInput, [{ type: 'user.retryRequested' }]);
    expect(snapshot.value).toBe('refreshing');
    expect(snapshot.context.recoveryAttempts).toBe(0);
    expect(actionTypes(actions)).toEqual(['forgetRecoveryAttempts', 'refreshSession']);
  });

  it('signs out first when the user asks to sign in again, clearing the budget', () => {
    const [snapshot, actions] = step(stuckInput, [{ type: 'user.signInRequested' }]);
    expect(snapshot.value).toBe('signingOut');
    expect(snapshot.context.recoveryAttempts).toBe(0);
    expect(actionTypes(actions)).toEqual(['forgetRecoveryAttempts', 'signOut']);
  });

  it('goes to sign-in only once the sign-out succeeded, and back to stuck with a reason when it failed', () => {
    const signIn = { type: 'user.signInRequested' } as const;
    expect(step(stuckInput, [signIn, { type: 'signOut.succeeded' }])[0].value).toEqual({ redirecting: 'soft' });
    const [failed] = step(stuckInput, [signIn, { type: 'signOut.failed' }]);
    expect(failed.value).toBe('stuck');
    expect(failed.context.stuckReason).toBe('sign-out-failed');
  });

  it('stays stuck on another expired verdict and settles on an accepted one', () => {
    expect(step(stuckInput, [expired])[0].value).toBe('stuck');
    expect(step(stuckInput, [ok])[0].value).toBe('authenticated');
  });
});

describe('session-flow machine: settled states', () => {
  it('asks the server again when the page is restored from the back/forward cache', () => {
    const [snapshot, actions] = step({ verdict: SAMPLE_VERDICTS.ok }, [{ type: 'page.restored' }]);
    expect(snapshot.value).toEqual({ reloading: 'soft' });
    expect(actionTypes(actions)).toEqual(['cancelProactiveRefresh', 'reloadServerProps', 'scheduleReloadDeadline']);
  });

  it('recovers when a client-side navigation brings an expired verdict to an authenticated tab', () => {
    expect(step({ verdict: SAMPLE_VERDICTS.ok }, [expired])[0].value).toBe('refreshing');
  });

  it('leaves idle on the first page that checks the session', () => {
    expect(step({ verdict: undefined }, [ok])[0].value).toBe('authenticated');
    expect(step({ verdict: undefined }, [expired])[0].value).toBe('refreshing');
  });

  it('comes back from sign-in to authenticated when the return page is accepted', () => {
    expect(step({ verdict: SAMPLE_VERDICTS.expired }, [{ type: 'refresh.rejected' }, ok])[0].value).toBe('authenticated');
  });

  it.each([
    ['authenticated', { verdict: SAMPLE_VERDICTS.ok }, []],
    [{ redirecting: 'soft' }, { verdict: SAMPLE_VERDICTS.expired }, [{ type: 'refresh.rejected' }]],
    ['stuck', { verdict: SAMPLE_VERDICTS.expired, recoveryAttempts: 2 }, []],
  ] as const)('ignores stray effect results in %j', (name, input, events) => {
    const [before] = step(input, [...events]);
    expect(before.value).toEqual(name);
    // `network.online` schedules a refresh ahead of expiry anew in `authenticated` (see the edges).
    const stray = ['refresh.succeeded', 'refresh.rejected', 'reload.failed', 'retry.due', ...(name === 'authenticated' ? [] : ['network.online', 'refresh.due'])];
    for (const type of stray) {
      const [after, actions] = transition(sessionFlowMachine, before, { type } as SessionFlowEvent);
      expect(after.value).toEqual(before.value);
      expect(actions).toEqual([]);
    }
  });
});

type ActionList = ExecutableActionsFrom<typeof sessionFlowMachine>[];

function start(input: SessionFlowInput) {
  return initialTransition(sessionFlowMachine, input);
}

/** Applies `events` in order; returns the last snapshot and the actions of the last event only. */
function step(input: SessionFlowInput, events: readonly SessionFlowEvent[]) {
  return events.reduce(([snapshot]: [ReturnType<typeof start>[0], ActionList], event) => transition(sessionFlowMachine, snapshot, event), start(input));
}

function actionTypes(actions: ActionList): string[] {
  return actions.map((action) => action.type);
}

function paramsOf(actions: ActionList, type: string): unknown {
  return actions.find((action) => action.type === type)?.params;
}
