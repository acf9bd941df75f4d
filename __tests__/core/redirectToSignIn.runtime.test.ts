import { createActor } from 'xstate';
import { createSessionFlowLogic } from 'ssr-session-flow/core';
import { createFakeSessionFlowWorld, SAMPLE_VERDICTS } from 'ssr-session-flow/testing';
import { expectConsole } from '../support/consoleGuard';

/**
 * The way to sign in has no dead end: SuperTokens' redirect gets a deadline, a document load of
 * the sign-in page takes over when it fails or is late, and a link is left when even that fails.
 */
describe('session-flow runtime: the way to sign in', () => {
  const SIGN_IN = '/auth?redirectToPath=%2Freports%3Fq%3D1%23top';

  it('loads the sign-in page as a document at once when SuperTokens’ redirect cannot start', async () => {
    expectConsole('error', /the redirect to sign in failed/);
    const { world, actor } = await sessionGone();
    world.session.answerRedirect('failed');
    await flush();
    expect(actor.getSnapshot().value).toEqual({ redirecting: 'hard' });
    expect(world.router.documentLoads).toEqual([SIGN_IN]);
  });

  it('loads it as a document too when a port throws before it even returns', async () => {
    expectConsole('error', /the redirect to sign in failed/);
    const world = createFakeSessionFlowWorld({ url: 'https://app.example.com/reports?q=1#top' });
    world.ports.redirectToSignIn = () => {
      throw new TypeError('redirectToAuth is not a function');
    };
    const actor = start(world);
    world.session.answerRefresh('session-gone');
    await flush();
    expect(actor.getSnapshot().value).toEqual({ redirecting: 'hard' });
    expect(world.router.documentLoads).toEqual([SIGN_IN]);
  });

  it('loads it as a document when the redirect does not show the sign-in page in time', async () => {
    const { world, actor } = await sessionGone();
    world.clock.advance(7_999);
    expect(world.router.documentLoads).toEqual([]);
    world.clock.advance(1);
    expect(actor.getSnapshot().value).toEqual({ redirecting: 'hard' });
    expect(world.router.documentLoads).toEqual([SIGN_IN]);
  });

  it('offers a link to the sign-in page when even the document load leaves the page in place', async () => {
    const { world, actor } = await sessionGone();
    world.clock.advance(8_000);
    world.clock.advance(15_000);
    expect(actor.getSnapshot().value).toEqual({ redirecting: 'failed' });
    expect(world.clock.pendingTimers()).toBe(0);
  });

  it('starts no deadline-driven load once the sign-in page is on screen', async () => {
    const { world, actor } = await sessionGone();
    world.session.answerRedirect('started');
    actor.send({ type: 'page.publicShown' });
    world.clock.advance(60_000);
    expect(actor.getSnapshot().value).toEqual({ redirecting: 'arrived' });
    expect(world.router.documentLoads).toEqual([]);
  });
});

function start(world: ReturnType<typeof createFakeSessionFlowWorld>) {
  return createActor(createSessionFlowLogic(world.ports, { random: () => 0.5 }), { input: { verdict: SAMPLE_VERDICTS.expired } }).start();
}

async function sessionGone() {
  const world = createFakeSessionFlowWorld({ url: 'https://app.example.com/reports?q=1#top' });
  const actor = start(world);
  world.session.answerRefresh('session-gone');
  await flush();
  return { world, actor };
}

async function flush() {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}
