import type { ActorRefLike } from 'xstate';
import type { StatelyInspector } from './statelyInspector';
import type { LoggedTransition } from './transitionLog';

/**
 * Tells the inspector what earlier pages of this tab did, through its manual API: each earlier
 * actor is registered under its own id (`x:0@<page>`, since every page restarts xstate's ids),
 * then each logged transition is sent as the event followed by the snapshot it led to, exactly as a
 * live actor reports them. With `definition` (the machine config of the live actor) the inspector
 * can draw the replayed actor's states too.
 */
export function replayTransitionLog(
  inspector: StatelyInspector,
  entries: readonly LoggedTransition[],
  definition?: object,
): void {
  for (const [sessionId, transitions] of groupByActor(entries)) {
    const first = transitions[0];
    if (!first) continue;
    inspector.actor(replayedActorRef(sessionId, first.snapshot, definition), first.snapshot);
    for (const { event, snapshot } of transitions) {
      inspector.event(sessionId, event);
      inspector.snapshot(sessionId, snapshot, { event });
    }
  }
}

export function replayedSessionId(entry: Pick<LoggedTransition, 'actor' | 'page'>): string {
  return `${entry.actor}@${entry.page}`;
}

function groupByActor(entries: readonly LoggedTransition[]): Map<string, LoggedTransition[]> {
  const groups = new Map<string, LoggedTransition[]>();
  for (const entry of entries) {
    const id = replayedSessionId(entry);
    const group = groups.get(id) ?? [];
    group.push(entry);
    groups.set(id, group);
  }
  return groups;
}

/**
 * The manual API reads an actor's definition from `actorRef.logic.config`; a stand-in ref that
 * carries the live machine's config gives the replayed actor its diagram in the inspector.
 */
function replayedActorRef(sessionId: string, snapshot: LoggedTransition['snapshot'], definition?: object) {
  const ref: ActorRefLike & { logic?: { config: object } } = {
    sessionId,
    send: () => {},
    getSnapshot: () => snapshot,
    ...(definition ? { logic: { config: definition } } : {}),
  };
  return ref;
}
