import { createActor } from 'xstate';
import { createSessionFlowLogic, type SessionFlowPorts } from 'ssr-session-flow/core';
import { describeSessionFlow } from 'ssr-session-flow/machine';
import { classifyRefreshFailure } from 'ssr-session-flow/supertokens/client';
import { createFakeSessionFlowWorld, SAMPLE_VERDICTS } from 'ssr-session-flow/testing';
import { expectConsole } from '../support/consoleGuard';

/**
 * A bug is not an outage: a refresh that throws something other than a network failure or an
 * answer ends in `stuck` with its message logged, after one more try; network failures, timeouts
 * and 5xx stay `offline`, retrying.
 */
describe('session-flow runtime: a bug is not an outage', () => {
  it.each([
    ['a TypeError of a broken build', new TypeError('LockFactoryReference.getReferenceOrThrow is not a function')],
    ['an SDK that was never initialised', new Error('init function not called')],
  ])('stops in stuck, logged, for %s (after one more try)', async (_case, bug) => {
    expectConsole('error', /failed unexpectedly \(a bug, not an outage\)/);
    let calls = 0;
    const { actor } = start((ports) => ({
      ...ports,
      refreshSession: () => {
        calls += 1;
        return Promise.reject(bug);
      },
    }));
    await flush();
    expect(calls).toBe(2);
    expect(actor.getSnapshot().value).toBe('stuck');
    expect(actor.getSnapshot().context.stuckReason).toBe('unexpected-error');
    const status = describeSessionFlow(actor.getSnapshot());
    expect([status.canRetry, status.canSignInAgain]).toEqual([true, true]);
  });

  it('stops in stuck for a port that throws before it returns a promise', async () => {
    expectConsole('error', /failed unexpectedly/);
    const { actor } = start((ports) => ({
      ...ports,
      refreshSession: () => {
        throw new TypeError('refreshSession is not a function');
      },
    }));
    await flush();
    await flush();
    expect(actor.getSnapshot().value).toBe('stuck');
  });

  it('stays offline, retrying, for no answer and for a refresh that never answers', async () => {
    const { world, actor } = start();
    world.session.failRefresh('network');
    await flush();
    expect(actor.getSnapshot().value).toBe('offline');
    world.clock.advance(1_000); // the retry
    world.clock.advance(15_000); // the refresh's own deadline
    await flush();
    expect(actor.getSnapshot().value).toBe('offline');
    expect(actor.getSnapshot().context.lastFailure).toBe('network');
  });
});

function start(adapt: (ports: SessionFlowPorts) => SessionFlowPorts = (ports) => ports) {
  const world = createFakeSessionFlowWorld({ url: 'https://app.example.com/reports' });
  const ports = adapt({ ...world.ports, classifyRefreshFailure });
  const actor = createActor(createSessionFlowLogic(ports, { random: () => 0.5 }), {
    input: { verdict: SAMPLE_VERDICTS.expired, retryDelay: { initialMs: 1_000, maxMs: 1_000 } },
  }).start();
  return { world, actor };
}

async function flush() {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}
