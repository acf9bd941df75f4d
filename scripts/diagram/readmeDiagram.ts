import type { AnyStateMachine } from 'xstate';
import { describedSessionFlowMachine } from 'ssr-session-flow/machine';
import { describeStateDiagram, toMermaidStateDiagram, type StateDiagram } from './toMermaidStateDiagram';

export const DIAGRAM_START = '<!-- session-flow-diagram:start -->';
export const DIAGRAM_END = '<!-- session-flow-diagram:end -->';
const SOURCE = 'machines/sessionFlowMachine.ts';

/**
 * What goes between the README markers: the Mermaid diagram, then the states' and the notable
 * transitions' `description`s as tables (machines/sessionFlowDescriptions.ts; see
 * `toMermaidStateDiagram` for why they are not notes in the chart).
 */
export function renderReadmeDiagram(machine: AnyStateMachine = describedSessionFlowMachine()): string {
  const diagram = describeStateDiagram(machine);
  return [
    `The machine as defined in \`${SOURCE}\`, drawn by \`npm run readme\`. A test fails when`,
    'this drifts from the code: edit the machine, then run the script. Lines inside a state are its',
    'entry actions and its internal transitions (`event [guard] / actions`, no exit and no entry).',
    '',
    '```mermaid',
    toMermaidStateDiagram(machine),
    '```',
    '',
    '| state | what it means |',
    '| --- | --- |',
    ...diagram.states.map((state) => `| \`${state.name}\` | ${cell(state.description ?? '')} |`),
    ...transitionRows(diagram),
  ].join('\n');
}

/** `readme` with the block between the markers replaced; it throws when the markers are missing. */
export function withReadmeDiagram(readme: string, block: string = renderReadmeDiagram()): string {
  const start = readme.indexOf(DIAGRAM_START);
  const end = readme.indexOf(DIAGRAM_END);
  if (start < 0 || end < start) {
    throw new Error(`README.md needs ${DIAGRAM_START} followed by ${DIAGRAM_END} where the diagram goes.`);
  }
  return `${readme.slice(0, start + DIAGRAM_START.length)}\n${block}\n${readme.slice(end)}`;
}

function transitionRows(diagram: StateDiagram): string[] {
  const nameOf = (id: string) =>
    id === diagram.anyStateId ? 'any state' : (diagram.states.find((state) => state.id === id)?.name ?? id);
  const explained = diagram.edges.filter((edge) => edge.transition.description);
  if (explained.length === 0) return [];
  return [
    '',
    '| transition | why |',
    '| --- | --- |',
    ...explained.map(
      (edge) =>
        `| \`${nameOf(edge.from)} --${edge.label}--> ${edge.internal ? '(stays)' : nameOf(edge.to)}\` | ` +
        `${cell(edge.transition.description ?? '')} |`,
    ),
  ];
}

function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}
