import { createActor } from 'xstate';
import { sessionFlowMachine, type SessionFlowEvent } from '../../machines/sessionFlowMachine';
import { createSessionFlowTestModel, SESSION_FLOW_MODEL_INPUT } from '../../lib/testing/sessionFlowTestModel';
import { createTransitionRecorder, listStateIds, listTransitions } from '../../lib/testing/transitionCoverage';

/**
 * Model-based: every shortest path of the shipped machine, replayed on a real actor. The coverage
 * assertions compare what the paths exercised with everything the machine defines, so a new state
 * or transition without a path fails here.
 */
const model = createSessionFlowTestModel();
const paths = model.getShortestPaths();
const recorder = createTransitionRecorder();

describe('session-flow machine, model-based', () => {
  it.each(paths.map((path) => [path.description, path] as const))('%s', async (_description, path) => {
    const actor = createActor(sessionFlowMachine, { input: SESSION_FLOW_MODEL_INPUT, inspect: recorder.inspect }).start();
    await path.test({
      events: Object.fromEntries(
        SEND_EVERY_TYPE.map((type) => [type, ({ event }: { event: { type: string } }) => actor.send(event as never)]),
      ),
      states: {
        '*': (expected) => {
          expect(actor.getSnapshot().value).toEqual(expected.value);
          expect(actor.getSnapshot().context).toEqual(expected.context);
        },
      },
    });
    actor.stop();
  });

  it('reaches every state of the machine', () => {
    expect([...recorder.entered].sort()).toEqual(listStateIds(sessionFlowMachine).sort());
  });

  it('takes every transition of the machine', () => {
    const all = listTransitions(sessionFlowMachine);
    const missing = [...all].filter(([transition]) => !recorder.taken.has(transition)).map(([, label]) => label);
    expect(missing).toEqual([]);
    expect(recorder.taken.size).toBe(all.size);
  });
});

const SEND_EVERY_TYPE: ReadonlyArray<SessionFlowEvent['type']> = [
  'server.verdictReceived',
  'page.publicShown',
  'refresh.succeeded',
  'refresh.rejected',
  'refresh.failed',
  'reload.completed',
  'reload.cancelled',
  'reload.failed',
  'reload.timedOut',
  'redirect.failed',
  'redirect.timedOut',
  'signOut.succeeded',
  'signOut.failed',
  'retry.due',
  'refresh.due',
  'network.online',
  'page.restored',
  'page.woke',
  'user.retryRequested',
  'user.signInRequested',
  'session.signedOutElsewhere',
  'session.signedInElsewhere',
  'session.refreshedElsewhere',
];
