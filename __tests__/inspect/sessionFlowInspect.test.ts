import { createActor } from 'xstate';
import { sessionFlowMachine } from '../../machines/sessionFlowMachine';
import { createSessionFlowInspect } from '../../lib/inspect/sessionFlowInspect';
import {
  afterInspectorFrames,
  createFakeInspectorWindow,
  createMemoryStorage,
  timeline,
  withEnv,
  type FakeInspectorWindow,
} from './support/fakeInspectorWindow';

/** The real @statelyai/inspect browser inspector, posting to a fake popup whose messages we count. */
describe('the session-flow inspector', () => {
  let restoreEnv: () => void;
  let inspectorWindow: FakeInspectorWindow;
  beforeEach(() => {
    inspectorWindow = createFakeInspectorWindow();
  });
  afterEach(() => restoreEnv());

  it('sends the actor, its events and its snapshots to the inspector when the flag is on in development', async () => {
    restoreEnv = withEnv({ NODE_ENV: 'development', NEXT_PUBLIC_XSTATE_INSPECT: '1' });
    const inspection = createSessionFlowInspect({ window: inspectorWindow.window, storage: createMemoryStorage() });
    expect(inspection).toBeDefined();

    const actor = createActor(sessionFlowMachine, {
      input: { verdict: { status: 'needs-refresh', reason: 'expired' } },
      inspect: inspection?.inspect,
    }).start();
    actor.send({ type: 'refresh.succeeded' });
    await inspection?.ready;
    inspectorWindow.connect();
    actor.send({ type: 'server.verdictReceived', verdict: { status: 'ok', userId: 'user-1' } });
    await afterInspectorFrames();

    expect(inspectorWindow.opened).toEqual(['https://stately.ai/inspect']);
    const id = actor.sessionId;
    expect(timeline(inspectorWindow.posted)).toEqual([
      `actor ${id} sessionFlow`,
      `event ${id} xstate.init`,
      `snapshot ${id} "refreshing"`,
      `event ${id} refresh.succeeded`,
      `snapshot ${id} {"reloading":"soft"}`,
      `event ${id} server.verdictReceived`,
      `snapshot ${id} "authenticated"`,
    ]);
    expect(inspectorWindow.posted[0]?.definition).toContain('"id":"sessionFlow"');
  });

  it('creates nothing when the flag is off', () => {
    restoreEnv = withEnv({ NODE_ENV: 'development', NEXT_PUBLIC_XSTATE_INSPECT: undefined });

    expect(createSessionFlowInspect({ window: inspectorWindow.window })).toBeUndefined();
    expect(inspectorWindow.opened).toEqual([]);
  });

  it('creates nothing in production, even with the flag on', () => {
    restoreEnv = withEnv({ NODE_ENV: 'production', NEXT_PUBLIC_XSTATE_INSPECT: '1' });

    expect(createSessionFlowInspect({ window: inspectorWindow.window })).toBeUndefined();
    expect(inspectorWindow.opened).toEqual([]);
  });

  it('replays the previous page of the tab before the new page’s own actor after a document reload', async () => {
    restoreEnv = withEnv({ NODE_ENV: 'development', NEXT_PUBLIC_XSTATE_INSPECT: '1' });
    const tabStorage = createMemoryStorage();

    // Page 1 recovers, the soft reload fails, and the document reloads: the page and its actor end.
    const firstPage = startPage(tabStorage, 'p1');
    const firstActor = createActor(sessionFlowMachine, {
      input: { verdict: { status: 'needs-refresh', reason: 'expired' } },
      inspect: firstPage?.inspect,
    }).start();
    firstActor.send({ type: 'refresh.succeeded' });
    firstActor.send({ type: 'reload.failed' });

    // Page 2 renders with the refreshed session.
    const secondPage = createSessionFlowInspect({ window: inspectorWindow.window, storage: tabStorage, pageId: 'p2' });
    const secondActor = createActor(sessionFlowMachine, {
      input: { verdict: { status: 'ok', userId: 'user-1' }, recoveryAttempts: 1 },
      inspect: secondPage?.inspect,
    }).start();
    await secondPage?.ready;
    inspectorWindow.connect();
    await afterInspectorFrames();

    // Each document restarts xstate's ids, so the replayed actor is named after its page too.
    const replayed = `${firstActor.sessionId}@p1`;
    const live = secondActor.sessionId;
    expect(timeline(inspectorWindow.posted)).toEqual([
      `actor ${replayed} sessionFlow`,
      `event ${replayed} xstate.init`,
      `snapshot ${replayed} "refreshing"`,
      `event ${replayed} refresh.succeeded`,
      `snapshot ${replayed} {"reloading":"soft"}`,
      `event ${replayed} reload.failed`,
      `snapshot ${replayed} {"reloading":"hard"}`,
      `actor ${live} sessionFlow`,
      `event ${live} xstate.init`,
      `snapshot ${live} "authenticated"`,
    ]);
  });

  it('replays with the machine’s definition even when the inspector loads before the actor exists', async () => {
    restoreEnv = withEnv({ NODE_ENV: 'development', NEXT_PUBLIC_XSTATE_INSPECT: '1' });
    const tabStorage = createMemoryStorage();
    const firstPage = startPage(tabStorage, 'p1');
    createActor(sessionFlowMachine, { input: { verdict: undefined }, inspect: firstPage?.inspect }).start();

    const secondPage = createSessionFlowInspect({ window: inspectorWindow.window, storage: tabStorage, pageId: 'p2' });
    await secondPage?.ready;
    inspectorWindow.connect();
    const secondActor = createActor(sessionFlowMachine, {
      input: { verdict: undefined },
      inspect: secondPage?.inspect,
    }).start();
    await afterInspectorFrames();

    const lines = timeline(inspectorWindow.posted);
    expect(lines[0]).toMatch(/^actor x:\d+@p1 sessionFlow$/);
    expect(inspectorWindow.posted[0]?.definition).toContain('"id":"sessionFlow"');
    expect(lines.slice(-3)).toEqual([
      `actor ${secondActor.sessionId} sessionFlow`,
      `event ${secondActor.sessionId} xstate.init`,
      `snapshot ${secondActor.sessionId} "idle"`,
    ]);
  });
});

/** A page of the tab whose inspector window nobody looks at (it is about to be reloaded). */
function startPage(tabStorage: Storage, pageId: string) {
  return createSessionFlowInspect({ window: createFakeInspectorWindow().window, storage: tabStorage, pageId });
}
