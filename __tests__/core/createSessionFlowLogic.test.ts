import { createActor } from 'xstate';
import { createSessionFlowLogic, type SessionFlowRuntimeOptions } from '../../lib/core/createSessionFlowLogic';
import { createFakeSessionFlowWorld } from '../../lib/testing/fakePorts';
import { SAMPLE_VERDICTS } from '../../lib/testing/sessionFlowTestModel';

/** The runtime: the machine's effects executed against fake ports, results fed back as events. */
describe('session-flow runtime: refresh', () => {
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

  it('stops in stuck, naming the cause, after the second duplicate-cookie answer: two refresh calls, no retry timer', async () => {
    const { world, actor } = expiredStart();
    world.session.failRefresh('duplicate-cookies');
    await flush();
    expect(world.session.refreshCalls).toBe(2);
    world.session.failRefresh('duplicate-cookies');
    await flush();
    expect(actor.getSnapshot().value).toBe('stuck');
    expect(actor.getSnapshot().context.stuckReason).toBe('duplicate-session-cookies');
    expect(world.session.refreshCalls).toBe(2);
    expect(world.clock.pendingTimers()).toBe(0);
  });

  it('recovers when the refresh after a duplicate-cookie answer succeeds (SuperTokens cleared the older cookie)', async () => {
    const { world, actor } = expiredStart();
    world.session.failRefresh('missing-front-token');
    await flush();
    world.session.answerRefresh('refreshed');
    await flush();
    expect(actor.getSnapshot().value).toEqual({ reloading: 'soft' });
  });

  it('persists the spent attempt before reloading, and forgets it once accepted', async () => {
    const { world, actor } = expiredStart();
    world.session.answerRefresh('refreshed');
    await flush();
    expect(world.recoveryAttempts.stored()).toBe(1);
    actor.send({ type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.ok });
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
    actor.send({ type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.ok });
    actor.send({ type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.expired });
    expect(world.session.refreshCalls).toBe(1);
    world.session.answerRefresh('refreshed');
    await flush();
    expect(actor.getSnapshot().value).toEqual({ reloading: 'soft' });
  });
});

describe('session-flow runtime: leaving recovery', () => {
  it('sends the user to sign in with the current path, query and hash', async () => {
    const { world } = expiredStart();
    world.session.answerRefresh('session-gone');
    await flush();
    expect(world.router.redirects).toEqual(['/reports?q=1#top']);
  });

  it('leaves no timer behind and never redirects once a public page is shown mid-recovery', async () => {
    const { world, actor } = expiredStart();
    world.session.failRefresh('network');
    await flush();
    actor.send({ type: 'page.publicShown' });
    expect(world.clock.pendingTimers()).toBe(0);
    expect(actor.getSnapshot().value).toBe('idle');
    window.dispatchEvent(new Event('online'));
    world.clock.advance(60_000);
    await flush();
    expect(world.session.refreshCalls).toBe(1);
    expect(world.router.redirects).toEqual([]);
  });

  it('signs out before sending the user to sign in again, and comes back to the same place', async () => {
    const { world, actor } = stuckStart();
    actor.send({ type: 'user.signInRequested' });
    expect(world.session.signOutCalls).toBe(1);
    expect(world.router.redirects).toEqual([]);
    world.session.answerSignOut('signed-out');
    await flush();
    expect(actor.getSnapshot().value).toEqual({ redirecting: 'soft' });
    expect(world.router.redirects).toEqual(['/reports?q=1#top']);
    expect(world.recoveryAttempts.stored()).toBeNull();
  });

  it('stays in stuck with a reason when the sign-out fails or never answers', async () => {
    for (const fail of [(w: World) => w.session.answerSignOut('failed'), (w: World) => w.clock.advance(15_000)]) {
      const { world, actor } = stuckStart();
      actor.send({ type: 'user.signInRequested' });
      fail(world);
      await flush();
      expect(actor.getSnapshot().value).toBe('stuck');
      expect(actor.getSnapshot().context.stuckReason).toBe('sign-out-failed');
      expect(world.router.redirects).toEqual([]);
    }
  });

  it('follows the way back of the sign-in page when another tab signs in', async () => {
    const { world, actor } = expiredStart();
    world.session.answerRefresh('session-gone');
    await flush();
    world.session.answerRedirect('started');
    await world.router.next.completeNavigation(); // the sign-in page is shown
    expect(world.router.url.pathname).toBe('/auth');
    actor.send({ type: 'session.signedInElsewhere' });
    expect(world.router.next.pendingTarget()).toBe('/reports?q=1#top');
  });
});

type World = ReturnType<typeof createFakeSessionFlowWorld>;

function expiredStart(options: SessionFlowRuntimeOptions = {}) {
  const world = createFakeSessionFlowWorld({ url: 'https://app.example.com/reports?q=1#top' });
  const actor = createActor(createSessionFlowLogic(world.ports, { random: () => 0.5, ...options }), {
    input: { verdict: SAMPLE_VERDICTS.expired },
  }).start();
  return { world, actor };
}

function stuckStart() {
  const world = createFakeSessionFlowWorld({ url: 'https://app.example.com/reports?q=1#top', storedRecoveryAttempts: 2 });
  const actor = createActor(createSessionFlowLogic(world.ports, { random: () => 0.5 }), {
    input: { verdict: SAMPLE_VERDICTS.expired, recoveryAttempts: 2 },
  }).start();
  return { world, actor };
}

async function flush() {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}
