import type { InspectedSnapshotEvent, InspectionEvent, Observer } from 'xstate';
import { replayTransitionLog } from './replayTransitionLog';
import type { StatelyInspector } from './statelyInspector';
import type { SnapshotStatus, TransitionLog, TransitionToLog } from './transitionLog';

export interface InspectForwarderOptions {
  /** Loads and starts the real inspector; it may take a while (a lazily imported module). */
  load(): Promise<StatelyInspector>;
  /** This tab's log: read once for the replay, then appended to on every transition. */
  log: TransitionLog;
  /** Identifies this document among the pages of the tab's log. */
  pageId: string;
  /** Events kept while the inspector loads, like the inspector's own `maxDeferredEvents`. */
  maxBuffered?: number;
  now?: () => number;
}

export interface InspectForwarder {
  /** Pass as `inspect` when the actor is created: it stays the same object for the whole page. */
  inspect: Observer<InspectionEvent>;
  /** Settles once the inspector is loaded and the buffered events are forwarded (or loading failed). */
  ready: Promise<void>;
}

/**
 * The observer an actor gets at creation, standing in for an inspector that is still loading:
 * `useActorRef` reads `inspect` only once. It buffers until the inspector is ready, replays the
 * previous pages of this tab right before the first live event, then forwards. Every root-actor
 * transition also goes to the log, so the next page can replay this one if it ends in a document
 * reload or a redirect.
 *
 * An actor's registration is held back until the actor starts (its first event or snapshot): React
 * Strict Mode creates a second actor it never starts, which the inspector would otherwise list
 * (statelyai/inspect#58).
 */
export function createInspectForwarder({
  load,
  log,
  pageId,
  maxBuffered = 200,
  now = Date.now,
}: InspectForwarderOptions): InspectForwarder {
  const earlierPages = log.read().filter((entry) => entry.page !== pageId);
  const unstarted = new Map<string, InspectionEvent>();
  let buffer: InspectionEvent[] | null = [];
  let inspector: StatelyInspector | null = null;
  let definition: object | undefined;
  let replayed = false;

  const send = (target: StatelyInspector, event: InspectionEvent) => {
    // Replayed only now, so the live actor's registration has brought the machine's definition.
    if (!replayed) {
      replayed = true;
      replayTransitionLog(target, earlierPages, definition);
    }
    target.inspect.next?.(event);
  };

  const forward = (event: InspectionEvent) => {
    if (inspector) {
      send(inspector, event);
    } else if (buffer) {
      buffer.push(event);
      if (buffer.length > maxBuffered) buffer.shift();
    }
  };

  const inspect: Observer<InspectionEvent> = {
    next(event) {
      const { sessionId } = event.actorRef;
      if (event.type === '@xstate.actor') {
        if (isRoot(event)) definition ??= machineConfigOf(event.actorRef);
        unstarted.set(sessionId, event);
        return;
      }
      const registration = unstarted.get(sessionId);
      if (registration) {
        // Its initial microsteps come before `start()`; the inspector ignores those anyway.
        if (event.type !== '@xstate.event' && event.type !== '@xstate.snapshot') return;
        unstarted.delete(sessionId);
        forward(registration);
      }
      if (event.type === '@xstate.snapshot' && isRoot(event)) log.append(toTransition(event, pageId, now()));
      forward(event);
    },
  };

  const ready = load().then(
    (loaded) => {
      for (const event of buffer ?? []) send(loaded, event);
      buffer = null;
      inspector = loaded;
    },
    (error: unknown) => {
      buffer = null;
      console.warn('[ssr-session-flow] The Stately inspector could not be loaded; inspection is off.', error);
    },
  );

  return { inspect, ready };
}

function isRoot(event: InspectionEvent): boolean {
  return event.actorRef.sessionId === event.rootId;
}

function machineConfigOf(actorRef: object): object | undefined {
  const logic: unknown = (actorRef as { logic?: unknown }).logic;
  if (typeof logic !== 'object' || logic === null) return undefined;
  const config: unknown = (logic as { config?: unknown }).config;
  return typeof config === 'object' && config !== null ? config : undefined;
}

/** The log redacts on append; this only picks what a replay needs. */
function toTransition(event: InspectedSnapshotEvent, page: string, at: number): TransitionToLog {
  const snapshot: { status: SnapshotStatus; value?: unknown; context?: unknown } = event.snapshot;
  return {
    page,
    actor: event.actorRef.sessionId,
    at,
    event: event.event,
    snapshot: { status: snapshot.status, value: snapshot.value ?? null, context: snapshot.context ?? null },
  };
}
