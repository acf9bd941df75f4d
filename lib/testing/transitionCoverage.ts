import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition, InspectionEvent } from 'xstate';

/**
 * Every transition a machine defines, eventless (`always`) ones included, each with a readable
 * label such as `sessionFlow.refreshing --refresh.failed--> sessionFlow.offline`.
 */
export function listTransitions(machine: AnyStateMachine): Map<AnyTransitionDefinition, string> {
  const all = new Map<AnyTransitionDefinition, string>();
  const visit = (node: AnyStateNode) => {
    const own = [...node.transitions.values()].flat().concat(node.always ?? []);
    own.forEach((transition, index) => all.set(transition, label(transition, index)));
    Object.values(node.states).forEach(visit);
  };
  visit(machine.root);
  return all;
}

/** Collects the transitions an actor really takes; pass `recorder.inspect` to `createActor`. */
export function createTransitionRecorder() {
  const taken = new Set<AnyTransitionDefinition>();
  const entered = new Set<string>();
  return {
    taken,
    entered,
    inspect(event: InspectionEvent) {
      if (event.type !== '@xstate.microstep') return;
      for (const transition of event._transitions) {
        taken.add(transition);
        // A transition's source was entered too: this also catches the initial state.
        if (transition.source.parent) entered.add(transition.source.id);
        for (const target of transition.target ?? []) collectEntered(target, entered);
      }
    },
  };
}

/** Every state node id of a machine, for comparing with `recorder.entered`. */
export function listStateIds(machine: AnyStateMachine): string[] {
  const ids: string[] = [];
  const visit = (node: AnyStateNode) => {
    ids.push(node.id);
    Object.values(node.states).forEach(visit);
  };
  Object.values(machine.root.states).forEach(visit);
  return ids;
}

function collectEntered(node: AnyStateNode, into: Set<string>) {
  into.add(node.id);
  // Entering a compound state enters its initial child too.
  const initial = node.initial?.target ?? [];
  for (const child of initial) collectEntered(child, into);
}

function label(transition: AnyTransitionDefinition, index: number): string {
  const targets = (transition.target ?? []).map((node: AnyStateNode) => node.id).join(',') || '(no target)';
  const guard = transition.guard ? ` [${typeof transition.guard === 'string' ? transition.guard : 'guard'}]` : '';
  return `${transition.source.id} --${transition.eventType || 'always'}#${index}${guard}--> ${targets}`;
}
