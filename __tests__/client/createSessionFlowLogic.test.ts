import { createActor } from 'xstate';
import { createSessionFlowLogic } from '../../lib/client/createSessionFlowLogic';
import { classifyRefreshError } from '../../lib/client/sessionFlowPorts';
import { createFakeSessionFlowWorld } from '../../lib/testing/fakePorts';
import { SAMPLE_OUTCOMES } from '../../lib/testing/sessionFlowTestModel';

/** The runtime: the machine's effects executed against fake ports, results fed back as events. */
describe('session-flow runtime', () => {
  const expiredStart = (options = {}) => {
    const world = createFakeSessionFlowWorld({ url: 'https://app.example.com/reports?q=1#top' });
    const actor = createActor(createSessionFlowLogic(world.ports, { random: () => 0.5, ...options }), {
      input: { outcome: SAMPLE_OUTCOMES.expired },
    }).start();
    return { world, actor };
  };

  it('counts a refresh that never answers as a network failure and retries it', async () => {
    const { world, actor } = expiredStart({ refreshTimeoutMs: 5_000 });
    world.clock.advance(5_000);
    await flush();
    expect(actor.getSnapshot().value).toBe('offline');
    expect(actor.getSnapshot().context.lastFailure).toBe('network');
    world.clock.advance(1_000);
    await flush();
    expect(actor.getSnapshot().value).toBe('refreshing');
    expect(world.session.refreshCalls).toBe(2);
  });

  it('retries after exactly the machine delay when jitter is neutral', async () => {
    const { world, actor } = expiredStart();
    world.session.failRefresh('server');
    await flush();
    world.clock.advance(999);
    expect(actor.getSnapshot().value).toBe('offline');
    world.clock.advance(1);
    expect(actor.getSnapshot().value).toBe('refreshing');
  });

  it('spreads retries by at most 20 % either way', async () => {
    for (const [random, expected] of [[0, 800], [1, 1_200]] as const) {
      const { world, actor } = expiredStart({ random: () => random });
      world.session.failRefresh('network');
      await flush();
      world.clock.advance(expected - 1);
      expect(actor.getSnapshot().value).toBe('offline');
      world.clock.advance(1);
      expect(actor.getSnapshot().value).toBe('refreshing');
    }
  });

  it('cancels the pending retry when the browser comes back online', async () => {
    const { world, actor } = expiredStart();
    world.session.failRefresh('network');
    await flush();
    actor.send({ type: 'network.online' });
    expect(world.clock.pendingTimers()).toBe(1); // only the new refresh's timeout
    expect(world.session.refreshCalls).toBe(2);
  });

  it('falls back to a document reload when the router cannot re-run the props', async () => {
    const { world, actor } = expiredStart();
    world.session.answerRefresh('refreshed');
    await flush();
    expect(world.router.softReloads).toBe(1);
    world.router.answerSoftReload(false);
    await flush();
    expect(actor.getSnapshot().value).toEqual({ reloading: 'hard' });
    expect(world.router.documentReloads).toBe(1);
  });

  it('persists the spent attempt before reloading, and forgets it once accepted', async () => {
    const { world, actor } = expiredStart();
    world.session.answerRefresh('refreshed');
    await flush();
    expect(world.recoveryAttempts.stored()).toBe(1);
    actor.send({ type: 'server.outcomeReceived', outcome: SAMPLE_OUTCOMES.ok });
    expect(world.recoveryAttempts.stored()).toBeNull();
  });

  it('drops results that arrive after the actor stopped (the page went away)', async () => {
    const { world, actor } = expiredStart();
    actor.stop();
    world.session.answerRefresh('session-gone');
    await flush();
    expect(world.router.redirects).toEqual([]);
  });

  it('does not start a second refresh while one is running', async () => {
    const { world, actor } = expiredStart();
    actor.send({ type: 'server.outcomeReceived', outcome: SAMPLE_OUTCOMES.ok });
    actor.send({ type: 'server.outcomeReceived', outcome: SAMPLE_OUTCOMES.expired });
    expect(world.session.refreshCalls).toBe(1);
    world.session.answerRefresh('refreshed');
    await flush();
    expect(actor.getSnapshot().value).toEqual({ reloading: 'soft' });
  });

  it('sends the user to sign in with the current path, query and hash', async () => {
    const { world } = expiredStart();
    world.session.answerRefresh('session-gone');
    await flush();
    expect(world.router.redirects).toEqual(['/reports?q=1#top']);
  });
});

describe('classifyRefreshError', () => {
  it.each([
    ['a fetch TypeError', new TypeError('Failed to fetch'), 'network'],
    ['an abort', new DOMException('aborted', 'AbortError'), 'network'],
    ['a 5xx Response', new Response('down', { status: 503 }), 'server'],
    ['a Response-like object', { status: 500 }, 'server'],
    ['anything else', 'boom', 'network'],
  ])('classifies %s', (_name, error, expected) => {
    expect(classifyRefreshError(error)).toBe(expected);
  });
});

async function flush() {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}
