import { transition, type AnyStateNode } from 'xstate';
import { describeSessionFlow, type SessionFlowSnapshot } from '../../machines/sessionFlowStatus';
import { sessionFlowMachine, type SessionFlowEvent } from '../../machines/sessionFlowMachine';
import { createSessionFlowTestModel } from '../../lib/testing/sessionFlowTestModel';

/**
 * No state waits for ever. Every state the flow can reach is either settled (the page, or the
 * sign-in page, is on screen and works), or something always leaves it: a timer its entry starts,
 * the answer to an effect its entry starts (the runtime bounds every call with a timeout, see
 * createSessionFlowLogic.test.ts), or an action the user is offered on screen.
 */
type WayOut =
  | { kind: 'settled' }
  | { kind: 'passing' }
  | { kind: 'timer'; starts: string; event: SessionFlowEvent['type'] }
  | { kind: 'answer'; starts: string; events: ReadonlyArray<SessionFlowEvent> }
  | { kind: 'user'; offers: ReadonlyArray<'canRetry' | 'canSignInAgain' | 'canFollowSignInLink'>; events: ReadonlyArray<SessionFlowEvent> };

const REFRESH_ANSWERS: ReadonlyArray<SessionFlowEvent> = [
  { type: 'refresh.succeeded' },
  { type: 'refresh.rejected' },
  { type: 'refresh.failed', cause: 'network' },
];

const WAYS_OUT: Readonly<Record<string, WayOut>> = {
  checking: { kind: 'passing' },
  idle: { kind: 'settled' },
  authenticated: { kind: 'settled' },
  revalidating: { kind: 'answer', starts: 'refreshSession', events: REFRESH_ANSWERS },
  refreshing: { kind: 'answer', starts: 'refreshSession', events: REFRESH_ANSWERS },
  'reloading.soft': { kind: 'timer', starts: 'scheduleReloadDeadline', event: 'reload.timedOut' },
  'reloading.hard': { kind: 'timer', starts: 'scheduleReloadDeadline', event: 'reload.timedOut' },
  offline: { kind: 'timer', starts: 'scheduleRetry', event: 'retry.due' },
  stuck: {
    kind: 'user',
    offers: ['canRetry', 'canSignInAgain'],
    events: [{ type: 'user.retryRequested' }, { type: 'user.signInRequested' }],
  },
  signingOut: { kind: 'answer', starts: 'signOut', events: [{ type: 'signOut.succeeded' }, { type: 'signOut.failed' }] },
  'redirecting.soft': { kind: 'timer', starts: 'scheduleRedirectDeadline', event: 'redirect.timedOut' },
  'redirecting.hard': { kind: 'timer', starts: 'scheduleRedirectDeadline', event: 'redirect.timedOut' },
  // A link: following it loads the sign-in page, which ends this document and its flow.
  'redirecting.failed': { kind: 'user', offers: ['canFollowSignInLink'], events: [] },
  'redirecting.arrived': { kind: 'settled' },
};

/** Every snapshot the model's paths pass through, by the leaf state it is in (`reloading.soft`). */
const reached = new Map<string, SessionFlowSnapshot[]>();
for (const path of createSessionFlowTestModel().getShortestPaths()) {
  for (const snapshot of [...path.steps.map((step) => step.state), path.state] as SessionFlowSnapshot[]) {
    const key = leafPath(snapshot);
    reached.set(key, [...(reached.get(key) ?? []), snapshot]);
  }
}

describe('no state of the session flow waits for ever', () => {
  it('names a way out for every leaf state of the machine, and the model reaches each', () => {
    const leaves = leafStates(sessionFlowMachine.root).map((node) => node.path.join('.'));
    expect(Object.keys(WAYS_OUT).sort()).toEqual(leaves.sort());
    expect([...reached.keys()].sort()).toEqual(leaves.filter((leaf) => WAYS_OUT[leaf]?.kind !== 'passing').sort());
  });

  it.each(Object.entries(WAYS_OUT).filter(([, way]) => way.kind !== 'settled' && way.kind !== 'passing'))(
    '%s is left by its way out, whatever the path that led there',
    (state, way) => {
      for (const snapshot of reached.get(state) ?? []) {
        if (way.kind === 'timer') {
          expect(entryActionsOf(state)).toContain(way.starts);
          expect(leavesOn(snapshot, { type: way.event } as SessionFlowEvent)).toBe(true);
        }
        if (way.kind === 'answer') {
          expect(entryActionsOf(state)).toContain(way.starts);
          for (const event of way.events) expect(leavesOn(snapshot, event)).toBe(true);
        }
        if (way.kind === 'user') {
          const status = describeSessionFlow(snapshot);
          for (const offer of way.offers) expect(status[offer]).toBe(true);
          for (const event of way.events) expect(leavesOn(snapshot, event)).toBe(true);
        }
      }
    },
  );
});

function leavesOn(snapshot: SessionFlowSnapshot, event: SessionFlowEvent): boolean {
  const [next] = transition(sessionFlowMachine, snapshot, event);
  return leafPath(next) !== leafPath(snapshot);
}

function entryActionsOf(statePath: string): string[] {
  const node = sessionFlowMachine.getStateNodeById(`sessionFlow.${statePath}`);
  return node.entry.map((action) => (typeof action === 'string' ? action : (action as { type: string }).type));
}

function leafStates(node: AnyStateNode): AnyStateNode[] {
  const children = Object.values(node.states);
  return children.length === 0 ? [node] : children.flatMap(leafStates);
}

function leafPath(snapshot: SessionFlowSnapshot): string {
  const value: unknown = snapshot.value;
  if (typeof value === 'string') return value;
  const [[parent, child]] = Object.entries(value as Record<string, string>) as [[string, string]];
  return `${parent}.${child}`;
}
