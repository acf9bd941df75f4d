import { initialTransition, transition, type ExecutableActionsFrom } from 'xstate';
import { sessionFlowMachine, type SessionFlowEvent, type SessionFlowInput } from '../../machines/sessionFlowMachine';
import { describeSessionFlow } from '../../machines/sessionFlowStatus';
import { SAMPLE_VERDICTS } from '../../lib/testing/sessionFlowTestModel';

const expired: SessionFlowInput = { verdict: SAMPLE_VERDICTS.expired };
const authenticated: SessionFlowInput = { verdict: SAMPLE_VERDICTS.ok };
const networkFailure = { type: 'refresh.failed', cause: 'network' } as const;
const failRepeatedly: SessionFlowEvent[] = [networkFailure, { type: 'retry.due' }, networkFailure, { type: 'retry.due' }, networkFailure];

describe('session-flow machine: soft reload that brings no verdict', () => {
  const reloading: SessionFlowEvent[] = [{ type: 'refresh.succeeded' }];

  it('gives the verdict a short grace once the router says it rendered', () => {
    const [snapshot, actions] = step(expired, [...reloading, { type: 'reload.completed' }]);
    expect(snapshot.value).toEqual({ reloading: 'soft' });
    expect(actions.map((a) => [a.type, a.params])).toEqual([['scheduleReloadDeadline', { delayMs: 1_000 }]]);
  });

  it('reloads the document when the deadline passes without a verdict', () => {
    const [snapshot, actions] = step(expired, [...reloading, { type: 'reload.completed' }, { type: 'reload.timedOut' }]);
    expect(snapshot.value).toEqual({ reloading: 'hard' });
    expect(actionTypes(actions)).toEqual(['cancelReloadDeadline', 'reloadDocument', 'scheduleReloadDeadline']);
  });

  it('stops in stuck, with both ways out, when the document it reloads stays (a refused beforeunload)', () => {
    const [snapshot] = step(expired, [...reloading, { type: 'reload.failed' }, { type: 'reload.timedOut' }]);
    expect(snapshot.value).toBe('stuck');
    expect(snapshot.context.stuckReason).toBe('document-reload-failed');
  });

  it('waits for the navigation that cancelled it, with a full deadline, and never reloads the document for it', () => {
    const [snapshot, actions] = step(expired, [...reloading, { type: 'reload.cancelled' }]);
    expect(snapshot.value).toEqual({ reloading: 'soft' });
    expect(actions.map((a) => [a.type, a.params])).toEqual([['scheduleReloadDeadline', { delayMs: 15_000 }]]);
    expect(step(expired, [...reloading, { type: 'reload.cancelled' }, { type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.ok }])[0].value).toBe('authenticated');
  });
});

describe('session-flow machine: configuration faults', () => {
  it.each([
    ['duplicate-cookies', 'duplicate-session-cookies'],
    ['missing-front-token', 'front-token-missing'],
  ] as const)('retries a %s answer once at once, then stops in stuck naming it', (cause, reason) => {
    const fault = { type: 'refresh.failed', cause } as const;
    const [again, retryActions] = step(expired, [fault]);
    expect(again.value).toBe('refreshing');
    expect(actionTypes(retryActions)).toEqual(['refreshSession']);
    const [stuck, actions] = step(expired, [fault, fault]);
    expect(stuck.value).toBe('stuck');
    expect(stuck.context.stuckReason).toBe(reason);
    expect(actions).toEqual([]);
    expect(describeSessionFlow(stuck).reason).toBe(reason);
  });

  it('does not mistake an outage for a configuration fault', () => {
    expect(step(expired, [{ type: 'refresh.failed', cause: 'server' }])[0].value).toBe('offline');
  });
});

describe('session-flow machine: offline gives a way out', () => {
  it('offers "Sign in again" only after repeated failures', () => {
    const [once] = step(expired, [networkFailure]);
    expect(describeSessionFlow(once).canSignInAgain).toBe(false);
    expect(step(expired, [networkFailure, { type: 'user.signInRequested' }])[0].value).toBe('offline');
    const [thrice] = step(expired, failRepeatedly);
    expect(describeSessionFlow(thrice)).toMatchObject({ state: 'offline', canRetry: true, canSignInAgain: true });
    expect(step(expired, [...failRepeatedly, { type: 'user.signInRequested' }])[0].value).toBe('signingOut');
  });

  it('retries at once when the tab becomes visible again', () => {
    expect(step(expired, [networkFailure, { type: 'page.woke', accessTokenExpired: true }])[0].value).toBe('refreshing');
  });
});

describe('session-flow machine: pages without a verdict', () => {
  it.each([
    ['refreshing', []],
    ['offline', [networkFailure]],
    ['reloading', [{ type: 'refresh.succeeded' }]],
    ['stuck', [{ type: 'refresh.failed', cause: 'duplicate-cookies' }, { type: 'refresh.failed', cause: 'duplicate-cookies' }]],
  ] as const)('end a recovery in %s: idle, timers cancelled, nothing else started', (_name, events) => {
    const [snapshot, actions] = step(expired, [...events, { type: 'page.publicShown' }]);
    expect(snapshot.value).toBe('idle');
    expect(snapshot.context.verdict).toBeNull();
    expect(actionTypes(actions).filter((type) => !type.startsWith('cancel'))).toEqual([]);
  });

  it('keep the sign-in page in redirecting, so a sign-in elsewhere can bring the tab back', () => {
    const [snapshot] = step(expired, [{ type: 'refresh.rejected' }, { type: 'page.publicShown' }]);
    expect(snapshot.value).toEqual({ redirecting: 'arrived' });
    const [, actions] = step(expired, [{ type: 'refresh.rejected' }, { type: 'page.publicShown' }, { type: 'session.signedInElsewhere' }]);
    expect(actionTypes(actions)).toEqual(['returnFromSignIn']);
  });
});

describe('session-flow machine: other tabs', () => {
  it.each([
    ['authenticated', authenticated, []],
    ['refreshing', expired, []],
    ['offline', expired, [networkFailure]],
    ['reloading', expired, [{ type: 'refresh.succeeded' }]],
  ] as const)('leaves %s for sign-in when another tab signs out', (_name, input, events) => {
    const [snapshot, actions] = step(input, [...events, { type: 'session.signedOutElsewhere' }]);
    expect(snapshot.value).toEqual({ redirecting: 'soft' });
    expect(actionTypes(actions)).toContain('redirectToSignIn');
  });

  it('ignores a sign-out elsewhere on a public page', () => {
    const [snapshot, actions] = step({ verdict: undefined }, [{ type: 'session.signedOutElsewhere' }]);
    expect(snapshot.value).toBe('idle');
    expect(actions).toEqual([]);
  });

  it.each([
    ['offline after a sign-in elsewhere', [networkFailure, { type: 'session.signedInElsewhere' }]],
    ['offline after a refresh elsewhere', [networkFailure, { type: 'session.refreshedElsewhere' }]],
    ['stuck after a sign-in elsewhere', [{ type: 'refresh.failed', cause: 'duplicate-cookies' }, { type: 'refresh.failed', cause: 'duplicate-cookies' }, { type: 'session.signedInElsewhere' }]],
  ] as const)('resumes from %s with a fresh budget and a soft reload', (_name, events) => {
    const [snapshot, actions] = step(expired, [...events]);
    expect(snapshot.value).toEqual({ reloading: 'soft' });
    expect(snapshot.context.recoveryAttempts).toBe(0);
    expect(actionTypes(actions)).toContain('reloadServerProps');
  });
});

describe('session-flow machine: waking up', () => {
  it('refreshes in the background when the tab wakes with an expired token, keeping the page', () => {
    const [snapshot, actions] = step(authenticated, [{ type: 'page.woke', accessTokenExpired: true }]);
    expect(snapshot.value).toBe('revalidating');
    expect(actionTypes(actions)).toEqual(['cancelProactiveRefresh', 'refreshSession']);
    expect(step(authenticated, [{ type: 'page.woke', accessTokenExpired: true }, { type: 'refresh.succeeded' }])[0].value).toBe('authenticated');
  });

  it('schedules its refresh ahead of expiry anew when the tab wakes with a valid token (a hidden tab paused it)', () => {
    const [snapshot, actions] = step(authenticated, [{ type: 'page.woke', accessTokenExpired: false }]);
    expect(snapshot.value).toBe('authenticated');
    expect(actionTypes(actions)).toEqual(['cancelProactiveRefresh', 'scheduleProactiveRefresh']);
  });

  it('leaves the page when the wake-up refresh finds the session gone, and stays when the network failed', () => {
    const woke = { type: 'page.woke', accessTokenExpired: true } as const;
    expect(step(authenticated, [woke, { type: 'refresh.rejected' }])[0].value).toEqual({ redirecting: 'soft' });
    expect(step(authenticated, [woke, networkFailure])[0].value).toBe('authenticated');
  });
});

type ActionList = ExecutableActionsFrom<typeof sessionFlowMachine>[];

/** Applies `events` in order; returns the last snapshot and the actions of the last event only. */
function step(input: SessionFlowInput, events: readonly SessionFlowEvent[]) {
  return events.reduce(
    ([snapshot]: [ReturnType<typeof initialTransition<typeof sessionFlowMachine>>[0], ActionList], event) =>
      transition(sessionFlowMachine, snapshot, event),
    initialTransition(sessionFlowMachine, input),
  );
}

function actionTypes(actions: ActionList): string[] {
  return actions.map((action) => action.type);
}

describe('session-flow machine: the way to sign in', () => {
  const gone = [{ type: 'refresh.rejected' }] as const;

  it.each([
    ['fails to start', { type: 'redirect.failed' }],
    ['does not show the sign-in page in time', { type: 'redirect.timedOut' }],
  ] as const)('loads the sign-in page as a document when the redirect %s', (_case, event) => {
    const [snapshot, actions] = step(expired, [...gone, event]);
    expect(snapshot.value).toEqual({ redirecting: 'hard' });
    expect(actionTypes(actions)).toEqual(['cancelRedirectDeadline', 'loadSignInDocument', 'scheduleRedirectDeadline']);
  });

  it('offers a link, and waits for the user, when even the document load leaves the page in place', () => {
    const [snapshot, actions] = step(expired, [...gone, { type: 'redirect.failed' }, { type: 'redirect.timedOut' }]);
    expect(snapshot.value).toEqual({ redirecting: 'failed' });
    expect(actionTypes(actions)).toEqual(['cancelRedirectDeadline']);
    expect(describeSessionFlow(snapshot).canFollowSignInLink).toBe(true);
  });

  it('arrives once the sign-in page is on screen, with no deadline left running', () => {
    const [snapshot, actions] = step(expired, [...gone, { type: 'page.publicShown' }]);
    expect(snapshot.value).toEqual({ redirecting: 'arrived' });
    expect(actionTypes(actions)).toEqual(['cancelRedirectDeadline']);
  });

  it('ignores a redirect that fails late, once the document load took over', () => {
    const [snapshot, actions] = step(expired, [...gone, { type: 'redirect.timedOut' }, { type: 'redirect.failed' }]);
    expect(snapshot.value).toEqual({ redirecting: 'hard' });
    expect(actions).toEqual([]);
  });
});

describe('session-flow machine: refreshing ahead of expiry', () => {
  const due = { type: 'refresh.due' } as const;

  it('refreshes in the background when the refresh ahead of expiry is due, keeping the page', () => {
    const [snapshot, actions] = step(authenticated, [due]);
    expect(snapshot.value).toBe('revalidating');
    expect(actionTypes(actions)).toEqual(['cancelProactiveRefresh', 'refreshSession']);
  });

  it('schedules the next one from the fresh token once refreshed, at once', () => {
    const [snapshot, actions] = step(authenticated, [due, { type: 'refresh.succeeded' }]);
    expect(snapshot.value).toBe('authenticated');
    expect(actionTypes(actions)).toEqual(['scheduleProactiveRefresh']);
    expect(paramsOf(actions, 'scheduleProactiveRefresh')).toEqual({ notBeforeMs: 0 });
  });

  it('backs off after each failed background refresh, never signs out for it, and forgets the failures once one succeeds', () => {
    const input: SessionFlowInput = { ...authenticated, retryDelay: { initialMs: 1_000, maxMs: 4_000 } };
    const failures = Array.from({ length: 4 }, () => [due, networkFailure]).flat();
    const delays: unknown[] = [];
    failures.reduce(
      (events: SessionFlowEvent[], event) => {
        const next = [...events, event];
        const [snapshot, actions] = step(input, next);
        if (event === networkFailure) {
          expect(snapshot.value).toBe('authenticated');
          delays.push(paramsOf(actions, 'scheduleProactiveRefresh'));
        }
        return next;
      },
      [],
    );
    expect(delays).toEqual([{ notBeforeMs: 1_000 }, { notBeforeMs: 2_000 }, { notBeforeMs: 4_000 }, { notBeforeMs: 4_000 }]);
    const [recovered, actions] = step(input, [...failures, due, { type: 'refresh.succeeded' }]);
    expect(recovered.context.backoffLevel).toBe(0);
    expect(paramsOf(actions, 'scheduleProactiveRefresh')).toEqual({ notBeforeMs: 0 });
  });

  it('keeps the backoff of failed background refreshes across a navigation the server accepted (soak seed 1092)', () => {
    const accepted = { type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.ok } as const;
    const [snapshot, actions] = step(authenticated, [due, networkFailure, accepted]);

    expect(snapshot.value).toBe('authenticated');
    expect(snapshot.context.backoffLevel).toBe(1);
    expect(paramsOf(actions, 'scheduleProactiveRefresh')).toEqual({ notBeforeMs: 1_000 });
  });

  it('leaves for sign-in when the session ended, as a woken tab does', () => {
    expect(step(authenticated, [due, { type: 'refresh.rejected' }])[0].value).toEqual({ redirecting: 'soft' });
  });

  it('schedules anew when the browser comes back online (an offline tab paused it)', () => {
    const [snapshot, actions] = step(authenticated, [{ type: 'network.online' }]);
    expect(snapshot.value).toBe('authenticated');
    expect(actionTypes(actions)).toEqual(['cancelProactiveRefresh', 'scheduleProactiveRefresh']);
  });

  it('cancels it whenever the tab leaves authenticated: a sign-out elsewhere, a new verdict, a public page', () => {
    for (const event of [
      { type: 'session.signedOutElsewhere' },
      { type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.expired },
      { type: 'page.publicShown' },
    ] as const) {
      expect(actionTypes(step(authenticated, [event])[1])).toContain('cancelProactiveRefresh');
    }
  });

  it('is only heard in authenticated: a due refresh that arrives elsewhere changes nothing', () => {
    for (const input of [{ verdict: SAMPLE_VERDICTS.expired }, { verdict: undefined }] as const) {
      const [before] = step(input, []);
      const [after, actions] = transition(sessionFlowMachine, before, due);
      expect(after.value).toEqual(before.value);
      expect(actions).toEqual([]);
    }
  });
});

function paramsOf(actions: ActionList, type: string): unknown {
  return actions.find((action) => action.type === type)?.params;
}
