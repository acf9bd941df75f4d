import { createActor } from 'xstate';
import { createSessionFlowLogic } from '../../lib/core/createSessionFlowLogic';
import { createFakeSessionFlowWorld } from '../../lib/testing/fakePorts';
import { SAMPLE_VERDICTS } from '../../lib/testing/sessionFlowTestModel';

/**
 * The soft reload through the faithful fake Next router: it must really re-run the server props
 * (a new verdict arrives), or count as failed; a cancelled one waits for the navigation that won.
 */
describe.each([
  ['without a hash', 'https://app.example.com/account?tab=security', '/account?tab=security'],
  ['with a hash', 'https://app.example.com/account?tab=security#devices', '/account?tab=security#devices'],
])('soft reload of a URL %s', (_name, url, asPath) => {
  it('re-runs the server props, keeps the URL, and settles on the verdict they bring: no document reload', async () => {
    const { world, actor } = await refreshedStart(url);
    expect(world.router.next.hasPendingNavigation()).toBe(true);
    await world.router.next.completeNavigation(() => actor.send(okVerdict));
    await flush();
    expect(actor.getSnapshot().value).toBe('authenticated');
    expect(world.router.next.asPath).toBe(asPath);
    expect(world.router.documentReloads).toBe(0);
  });

  it('counts a reload that brings no verdict as failed and reloads the document, with the URL intact', async () => {
    const { world, actor } = await refreshedStart(url);
    await world.router.next.completeNavigation(); // rendered, but no new props came with it
    await flush();
    expect(actor.getSnapshot().value).toEqual({ reloading: 'soft' });
    world.clock.advance(1_000);
    expect(actor.getSnapshot().value).toEqual({ reloading: 'hard' });
    expect(world.router.documentReloads).toBe(1);
    expect(world.router.next.asPath).toBe(asPath);
  });

  it('falls back to a document reload at the same URL when the data request fails', async () => {
    const { world, actor } = await refreshedStart(url);
    world.router.next.failNavigation();
    await flush();
    expect(actor.getSnapshot().value).toEqual({ reloading: 'hard' });
    expect(world.router.next.asPath).toBe(asPath);
    expect(world.router.documentReloads).toBe(1);
  });

  it('treats a reload cancelled by a newer navigation as no failure, and settles on that navigation’s verdict', async () => {
    const { world, actor } = await refreshedStart(url);
    void world.router.next.push('/activity');
    await flush();
    expect(actor.getSnapshot().value).toEqual({ reloading: 'soft' });
    await world.router.next.completeNavigation(() => actor.send(okVerdict));
    await flush();
    expect(actor.getSnapshot().value).toBe('authenticated');
    expect(world.router.documentReloads).toBe(0);
  });

  it('reloads the document when nothing brings a verdict before the deadline', async () => {
    const { world, actor } = await refreshedStart(url);
    world.clock.advance(14_999);
    await flush();
    expect(actor.getSnapshot().value).toEqual({ reloading: 'soft' });
    world.clock.advance(1);
    expect(actor.getSnapshot().value).toEqual({ reloading: 'hard' });
  });
});

describe('soft reload bookkeeping', () => {
  it('ignores the late answer of an earlier reload while a later one waits', async () => {
    const { world, actor } = await refreshedStart('https://app.example.com/account');
    void world.router.next.push('/account'); // cancels reload 1; a navigation to the same page waits
    await flush();
    actor.send(okVerdict);
    actor.send({ type: 'page.restored' }); // reload 2 starts and cancels the waiting navigation
    await flush();
    expect(actor.getSnapshot().value).toEqual({ reloading: 'soft' });
    expect(world.router.softReloads).toBe(2);
    world.router.next.failNavigation();
    await flush();
    expect(actor.getSnapshot().value).toEqual({ reloading: 'hard' });
  });

  it('keeps the hash in the way back to sign in while the reload has it off the address bar', async () => {
    const { world, actor } = await refreshedStart('https://app.example.com/account#devices');
    expect(world.router.next.asPath).toBe('/account'); // the hash is off while the props run again
    actor.send({ type: 'session.signedOutElsewhere' });
    expect(world.router.redirects).toEqual(['/account#devices']);
  });
});

const okVerdict = { type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.ok } as const;

async function refreshedStart(url: string) {
  const world = createFakeSessionFlowWorld({ url });
  const actor = createActor(createSessionFlowLogic(world.ports, { random: () => 0.5 }), {
    input: { verdict: SAMPLE_VERDICTS.expired },
  }).start();
  world.session.answerRefresh('refreshed');
  await flush();
  return { world, actor };
}

async function flush() {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}
