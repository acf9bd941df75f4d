import { createActor, type InspectionEvent } from 'xstate';
import { sessionFlowMachine } from '../../machines/sessionFlowMachine';
import { createInspectForwarder } from '../../lib/inspect/inspectForwarder';
import type { StatelyInspector } from '../../lib/inspect/statelyInspector';
import { createTransitionLog } from '../../lib/inspect/transitionLog';
import { expectConsole } from '../support/consoleGuard';
import { createMemoryStorage } from './support/fakeInspectorWindow';

const EXPIRED = { verdict: { status: 'needs-refresh', reason: 'expired' } } as const;

describe('the forwarding inspect observer', () => {
  it('buffers the actor’s inspection events until the inspector is loaded, then forwards them in order', async () => {
    const loading = deferred<StatelyInspector>();
    const forwarder = createInspectForwarder({ load: () => loading.promise, log: memoryLog(), pageId: 'p1' });
    const actor = createActor(sessionFlowMachine, { input: EXPIRED, inspect: forwarder.inspect }).start();
    actor.send({ type: 'refresh.succeeded' });
    const inspector = fakeInspector();

    expect(inspector.received).toEqual([]);
    loading.resolve(inspector);
    await forwarder.ready;
    const buffered = inspector.received.length;
    actor.send({ type: 'reload.failed' });

    expect(buffered).toBeGreaterThan(0);
    expect(eventTypes(inspector.received)).toEqual(['xstate.init', 'refresh.succeeded', 'reload.failed']);
    expect(inspector.received.length).toBeGreaterThan(buffered);
  });

  it('keeps only the most recent events while the inspector loads', async () => {
    const loading = deferred<StatelyInspector>();
    const forwarder = createInspectForwarder({ load: () => loading.promise, log: memoryLog(), pageId: 'p1', maxBuffered: 3 });
    const actor = createActor(sessionFlowMachine, { input: EXPIRED, inspect: forwarder.inspect }).start();
    for (let index = 0; index < 5; index += 1) actor.send({ type: 'server.verdictReceived', verdict: EXPIRED.verdict });
    const inspector = fakeInspector();

    loading.resolve(inspector);
    await forwarder.ready;

    expect(inspector.received).toHaveLength(3);
  });

  it('leaves out an actor that is created but never started, as React Strict Mode does', async () => {
    const inspector = fakeInspector();
    const forwarder = createInspectForwarder({ load: async () => inspector, log: memoryLog(), pageId: 'p1' });
    await forwarder.ready;

    const phantom = createActor(sessionFlowMachine, { input: EXPIRED, inspect: forwarder.inspect });
    const actor = createActor(sessionFlowMachine, { input: EXPIRED, inspect: forwarder.inspect }).start();

    const registered = inspector.received.filter((event) => event.type === '@xstate.actor');
    expect(registered.map((event) => event.actorRef.sessionId)).toEqual([actor.sessionId]);
    expect(inspector.received.some((event) => event.actorRef === phantom)).toBe(false);
  });

  it('logs every transition of the root actor, for the next page to replay', () => {
    const clock = () => 42;
    const log = createTransitionLog(createMemoryStorage(), { now: clock });
    const forwarder = createInspectForwarder({ load: () => new Promise(() => {}), log, pageId: 'p1', now: clock });
    const actor = createActor(sessionFlowMachine, { input: EXPIRED, inspect: forwarder.inspect }).start();

    actor.send({ type: 'refresh.succeeded' });

    expect(log.read().map(({ page, at, event, snapshot }) => [page, at, event.type, snapshot.value])).toEqual([
      ['p1', 42, 'xstate.init', 'refreshing'],
      ['p1', 42, 'refresh.succeeded', { reloading: 'soft' }],
    ]);
  });

  it('warns once and lets the app run on when the inspector cannot be loaded', async () => {
    expectConsole('warn', /Stately inspector could not be loaded/);
    const forwarder = createInspectForwarder({
      load: () => Promise.reject(new Error('chunk failed')),
      log: memoryLog(),
      pageId: 'p1',
    });
    const actor = createActor(sessionFlowMachine, { input: EXPIRED, inspect: forwarder.inspect }).start();

    await forwarder.ready;
    actor.send({ type: 'refresh.succeeded' });

    expect(actor.getSnapshot().value).toEqual({ reloading: 'soft' });
    expect(console.warn).toHaveBeenCalledTimes(1);
  });
});

function memoryLog() {
  return createTransitionLog(createMemoryStorage());
}

function fakeInspector(): StatelyInspector & { received: InspectionEvent[] } {
  const received: InspectionEvent[] = [];
  return {
    received,
    inspect: { next: (event) => received.push(event) },
    actor: () => {},
    event: () => {},
    snapshot: () => {},
  };
}

function eventTypes(events: InspectionEvent[]): string[] {
  return events.flatMap((event) => (event.type === '@xstate.event' ? [event.event.type] : []));
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}
