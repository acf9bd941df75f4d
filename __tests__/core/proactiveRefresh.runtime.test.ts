import { createActor } from 'xstate';
import { createSessionFlowLogic, type SessionFlowRuntimeOptions } from '../../lib/core/createSessionFlowLogic';
import { createFakeSessionFlowWorld, FAKE_ACCESS_TOKEN_LIFETIME_MS, type FakeSessionFlowWorldOptions } from '../../lib/testing/fakePorts';
import { SAMPLE_VERDICTS } from '../../lib/testing/sessionFlowTestModel';

/** The runtime's refresh ahead of expiry, against the fake world's access token on its fake clock. */
const HOUR = FAKE_ACCESS_TOKEN_LIFETIME_MS;
/** A fifth of the lifetime, at most a minute; `random: () => 0` draws no jitter. */
const LEAD_FOR_AN_HOUR = 60_000;

describe('session-flow runtime: refreshing ahead of expiry', () => {
  it('refreshes once, a minute before an hour-long token expires, keeping the page, then schedules from the fresh token', async () => {
    const { world, actor } = await signedIn();
    await advance(world, HOUR - LEAD_FOR_AN_HOUR - 1);
    expect(world.session.refreshCalls).toBe(0);
    await advance(world, 1);
    expect(world.session.refreshCalls).toBe(1);
    expect(actor.getSnapshot().value).toBe('revalidating');

    world.session.answerRefresh('refreshed');
    await flush();
    expect(actor.getSnapshot().value).toBe('authenticated');
    await advance(world, HOUR - LEAD_FOR_AN_HOUR - 1);
    expect(world.session.refreshCalls).toBe(1);
    await advance(world, 1);
    expect(world.session.refreshCalls).toBe(2);
  });

  it('leads by a fifth of a short lifetime, and by up to a fifth more with jitter', async () => {
    for (const [random, leadMs] of [[0, 600], [1, 720]] as const) {
      const { world } = await signedIn({ accessTokenLifetimeMs: 3_000 }, { random: () => random });
      await advance(world, 3_000 - leadMs - 1);
      expect(world.session.refreshCalls).toBe(0);
      await advance(world, 1);
      expect(world.session.refreshCalls).toBe(1);
    }
  });

  it('does not refresh when another tab already did: it waits for the fresh token’s turn', async () => {
    const { world } = await signedIn();
    world.clock.advance(HOUR / 2);
    world.otherTabs.announce('refreshed');
    await advance(world, HOUR / 2 - LEAD_FOR_AN_HOUR);
    expect(world.session.refreshCalls).toBe(0);
    await advance(world, HOUR / 2);
    expect(world.session.refreshCalls).toBe(1);
  });

  it('leaves a token another tab claimed to that tab, even before the cookies that tab wrote have reached this one', async () => {
    // CI saw one token refreshed by two tabs 96 ms apart: the second read the cookies before the
    // first tab's new ones reached it, and the SDK's lock (which compares those cookies) let it on.
    const { world, actor } = await signedIn();
    world.otherTabs.claimRefreshAhead();
    await advance(world, HOUR - LEAD_FOR_AN_HOUR);
    expect(world.session.refreshCalls).toBe(0);
    expect(actor.getSnapshot().value).toBe('authenticated');

    // It looks again half a lead later: by then the other tab's token has reached it.
    world.otherTabs.announce('refreshed');
    await advance(world, LEAD_FOR_AN_HOUR / 2);
    expect(world.session.refreshCalls).toBe(0);
    await advance(world, HOUR - LEAD_FOR_AN_HOUR);
    expect(world.session.refreshCalls).toBe(1);
  });

  it('looks again half a lead later when another tab holds the claim and never refreshes, and recovers on demand then', async () => {
    const { world, actor } = await signedIn();
    world.otherTabs.claimRefreshAhead();
    await advance(world, HOUR - LEAD_FOR_AN_HOUR);
    await advance(world, LEAD_FOR_AN_HOUR / 2);
    expect(world.session.refreshCalls).toBe(0);
    expect(world.clock.pendingTimers()).toBe(1);
    // The token expires unrefreshed: the next page says so, and the recovery refreshes as ever.
    actor.send({ type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.expired });
    expect(world.session.refreshCalls).toBe(1);
  });

  it('pauses while the tab is hidden and schedules again when it is visible', async () => {
    const { world, actor } = await signedIn();
    world.tab.visible = false;
    await advance(world, HOUR - LEAD_FOR_AN_HOUR);
    expect(world.session.refreshCalls).toBe(0);
    expect(world.clock.pendingTimers()).toBe(0);

    world.tab.visible = true;
    actor.send({ type: 'page.woke', accessTokenExpired: false });
    await flush();
    expect(world.session.refreshCalls).toBe(1);
  });

  it('pauses while the browser is offline and schedules again when it is back online', async () => {
    const { world, actor } = await signedIn();
    world.tab.online = false;
    await advance(world, HOUR - LEAD_FOR_AN_HOUR);
    expect(world.session.refreshCalls).toBe(0);

    world.tab.online = true;
    actor.send({ type: 'network.online' });
    await flush();
    expect(world.session.refreshCalls).toBe(1);
  });

  it('never refreshes after a sign-out: no token, nothing to refresh ahead of', async () => {
    const { world } = await signedIn();
    world.session.signedIn = false;
    await advance(world, HOUR);
    expect(world.session.refreshCalls).toBe(0);
    expect(world.clock.pendingTimers()).toBe(0);
  });

  it('cancels the pending refresh ahead of expiry when the tab leaves authenticated', async () => {
    const { world, actor } = await signedIn();
    actor.send({ type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.expired });
    expect(world.session.refreshCalls).toBe(1); // the recovery's own
    world.session.answerRefresh('session-gone');
    await flush();
    await advance(world, HOUR);
    expect(world.session.refreshCalls).toBe(1);
  });

  it('backs off after a failed background refresh, keeping the page and the session', async () => {
    const { world, actor } = await signedIn();
    await advance(world, HOUR - LEAD_FOR_AN_HOUR);
    world.session.failRefresh('network');
    await flush();
    expect(actor.getSnapshot().value).toBe('authenticated');
    expect(world.session.signedIn).toBe(true);
    await advance(world, 999);
    expect(world.session.refreshCalls).toBe(1);
    await advance(world, 1);
    expect(world.session.refreshCalls).toBe(2);
    world.session.failRefresh('server');
    await flush();
    await advance(world, 1_999);
    expect(world.session.refreshCalls).toBe(2);
    await advance(world, 1);
    expect(world.session.refreshCalls).toBe(3);
  });

  it('is off with `proactiveRefresh: false`, and where the front token does not say the lifetime', async () => {
    for (const [worldOptions, runtime] of [
      [{}, { proactiveRefresh: false }],
      [{ accessTokenLifetimeMs: null }, {}],
    ] as const) {
      const { world } = await signedIn(worldOptions, runtime);
      await advance(world, HOUR);
      expect(world.session.refreshCalls).toBe(0);
      expect(world.clock.pendingTimers()).toBe(0);
    }
  });
});

/** An actor on an accepted page, once its first schedule read the token (an async port). */
async function signedIn(worldOptions: FakeSessionFlowWorldOptions = {}, runtime: SessionFlowRuntimeOptions = {}) {
  const world = createFakeSessionFlowWorld({ url: 'https://app.example.com/reports', ...worldOptions });
  const actor = createActor(createSessionFlowLogic(world.ports, { random: () => 0, ...runtime }), {
    input: { verdict: SAMPLE_VERDICTS.ok },
  }).start();
  await flush();
  return { world, actor };
}

/** Moves the fake clock on and lets what it fired settle. */
async function advance(world: { clock: { advance(ms: number): void } }, ms: number) {
  world.clock.advance(ms);
  await flush();
}

async function flush() {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}
