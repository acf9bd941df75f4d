import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';

/** One state of the machine as the diagram draws it. */
export interface DiagramState {
  /** The xstate id (`sessionFlow.reloading.soft`), as `listStateIds` reports it. */
  stateId: string;
  /** The Mermaid id: the state's path joined by `_` (`reloading_soft`). */
  id: string;
  key: string;
  /** The path for people: `reloading.soft`. */
  name: string;
  parentId: string | null;
  initialChildId: string | null;
  entry: string[];
  description: string | null;
}

/**
 * One transition as drawn: an arrow, or for a targetless one (no exit, no entry) a line inside its
 * state's box, UML's internal transition, since a self-loop would suggest the entry actions run again.
 */
export interface DiagramEdge {
  transition: AnyTransitionDefinition;
  from: string;
  to: string;
  label: string;
  internal: boolean;
}

export interface StateDiagram {
  /** Every state below the root, parents before children, in definition order. */
  states: DiagramState[];
  edges: DiagramEdge[];
  /** The Mermaid id of the stand-in for "any state" (the root), when the root has transitions. */
  anyStateId: string | null;
}

/** Walks `machine.root`: states, initial states, entry actions, and every transition with its label. */
export function describeStateDiagram(machine: AnyStateMachine): StateDiagram {
  const root = machine.root;
  const anyStateId = `${mermaidId(root.key)}_any`;
  const idOf = (node: AnyStateNode): string => (node === root ? anyStateId : node.path.map(mermaidId).join('_'));
  const states: DiagramState[] = [];
  const edges: DiagramEdge[] = [];

  const visit = (node: AnyStateNode) => {
    if (node !== root) {
      states.push({
        stateId: node.id,
        id: idOf(node),
        key: node.key,
        name: node.path.join('.'),
        parentId: node.parent && node.parent !== root ? idOf(node.parent) : null,
        initialChildId: node.initial?.target[0] ? idOf(node.initial.target[0]) : null,
        entry: node.entry.map(actionName),
        description: node.description ?? null,
      });
    }
    edges.push(...edgesOf(node, node.always ?? [], idOf));
    for (const candidates of node.transitions.values()) edges.push(...edgesOf(node, candidates, idOf));
    Object.values(node.states).forEach(visit);
  };
  visit(root);

  return { states, edges, anyStateId: edges.some((edge) => edge.from === anyStateId) ? anyStateId : null };
}

/**
 * A Mermaid `stateDiagram-v2` of `machine`: states (nested ones inside their parent), initial
 * states, entry actions inside the state boxes, and every transition labelled `event [guard]`.
 * State descriptions are not drawn: as Mermaid notes they land far from their states with leader
 * lines across the chart. `renderReadmeDiagram` lists them in a table instead.
 */
export function toMermaidStateDiagram(machine: AnyStateMachine): string {
  const diagram = describeStateDiagram(machine);
  const lines = ['stateDiagram-v2'];
  if (diagram.anyStateId) lines.push(`  state "any state" as ${diagram.anyStateId}`);
  const rootInitial = machine.root.initial?.target[0];
  if (rootInitial) lines.push(`  [*] --> ${rootInitial.path.map(mermaidId).join('_')}`);
  lines.push(...renderLevel(diagram, null, '  '));
  return lines.join('\n');
}

function renderLevel(diagram: StateDiagram, parentId: string | null, indent: string): string[] {
  const lines: string[] = [];
  const here = diagram.states.filter((state) => state.parentId === parentId);
  const ownedHere = new Set(here.map((state) => state.id));
  for (const state of here) {
    // Declared with its name: a description line alone would replace the name in the box.
    lines.push(`${indent}state "${state.key}" as ${state.id}`);
    if (state.entry.length > 0) lines.push(`${indent}${state.id} : entry / ${state.entry.join(', ')}`);
    for (const edge of diagram.edges) {
      if (edge.internal && edge.from === state.id) lines.push(`${indent}${state.id} : ${internalLabel(edge)}`);
    }
  }
  for (const state of here) {
    if (!diagram.states.some((child) => child.parentId === state.id)) continue;
    lines.push(`${indent}state ${state.id} {`);
    if (state.initialChildId) lines.push(`${indent}  [*] --> ${state.initialChildId}`);
    lines.push(...renderLevel(diagram, state.id, `${indent}  `));
    lines.push(`${indent}}`);
  }
  // Each arrow is drawn at the level of its source, the root's ones ("any state") at the top.
  const isTop = parentId === null;
  for (const edge of diagram.edges) {
    if (edge.internal && edge.from !== diagram.anyStateId) continue;
    if (ownedHere.has(edge.from) || (isTop && edge.from === diagram.anyStateId)) {
      lines.push(`${indent}${edge.from} --> ${edge.to} : ${edge.label}`);
    }
  }
  return lines;
}

function edgesOf(
  source: AnyStateNode,
  candidates: readonly AnyTransitionDefinition[],
  idOf: (node: AnyStateNode) => string,
): DiagramEdge[] {
  return candidates.flatMap((transition, index) => {
    const label = transitionLabel(transition, candidates.slice(0, index));
    const internal = !transition.target?.length;
    const targets: readonly AnyStateNode[] = transition.target?.length ? transition.target : [source];
    return targets.map((target) => ({ transition, from: idOf(source), to: idOf(target), label, internal }));
  });
}

/** `event [guard]`; an unguarded candidate after guarded ones is their `[else]`. */
function transitionLabel(transition: AnyTransitionDefinition, earlier: readonly AnyTransitionDefinition[]): string {
  const guard = transition.guard ? `[${guardName(transition.guard)}]` : earlier.some((t) => t.guard) ? '[else]' : '';
  const event = transition.eventType || (guard ? '' : 'always');
  return [event, guard].filter(Boolean).join(' ');
}

function internalLabel(edge: DiagramEdge): string {
  const actions = edge.transition.actions.map(actionName);
  return actions.length > 0 ? `${edge.label} / ${actions.join(', ')}` : edge.label;
}

function guardName(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') return guard.name || 'guard';
  const type = typeof guard === 'object' && guard !== null ? (guard as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : 'guard';
}

function actionName(action: unknown): string {
  if (typeof action === 'string') return action;
  if (typeof action === 'function') return action.name || 'action';
  const type = typeof action === 'object' && action !== null ? (action as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : 'action';
}

function mermaidId(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, '_');
}
