/**
 * @jest-environment node
 */
import { setup } from 'xstate';
import { sessionFlowMachine } from '../../machines/sessionFlowMachine';
import { describeStateDiagram, toMermaidStateDiagram } from '../../scripts/diagram/toMermaidStateDiagram';
import { listStateIds, listTransitions } from '../../lib/testing/transitionCoverage';

describe('toMermaidStateDiagram', () => {
  const diagram = describeStateDiagram(sessionFlowMachine);
  const mermaid = toMermaidStateDiagram(sessionFlowMachine);
  const lines = mermaid.split('\n').map((line) => line.trim());

  it('draws every state of the session flow, nested ones included', () => {
    expect(diagram.states.map((state) => state.stateId)).toEqual(listStateIds(sessionFlowMachine));
    for (const state of diagram.states) expect(lines).toContain(`state "${state.key}" as ${state.id}`);
  });

  it('draws every transition, eventless and targetless ones included', () => {
    const drawn = new Set(diagram.edges.map((edge) => edge.transition));
    const defined = [...listTransitions(sessionFlowMachine).entries()];

    expect(defined.filter(([transition]) => !drawn.has(transition)).map(([, label]) => label)).toEqual([]);
    expect(drawn.size).toBe(defined.length);
    for (const edge of diagram.edges) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${edge.from} (-->|:) .*${escape(edge.label)}`)));
    }
  });

  it('labels arrows with their event and guard, and marks the fallback of guarded candidates', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        '[*] --> checking',
        'sessionFlow_any --> checking : server.verdictReceived',
        'checking --> refreshing : [isWithinRecoveryBudget]',
        'checking --> stuck : [else]',
        'offline --> checking : server.verdictReceived [isValidSessionVerdict]',
        'refreshing : entry / refreshSession',
        'refreshing : server.verdictReceived [else] / storeVerdict',
      ]),
    );
  });

  it('draws child states inside their parent, starting at the initial child', () => {
    const start = lines.indexOf('state reloading {');

    expect(lines.slice(start, start + 2)).toEqual(['state reloading {', '[*] --> reloading_soft']);
    expect(lines.indexOf('reloading_soft --> reloading_hard : reload.failed')).toBeGreaterThan(start);
    expect(lines.indexOf('reloading_soft --> reloading_hard : reload.failed')).toBeLessThan(lines.indexOf('}', start));
  });

  it('handles other machines: an unguarded always, inline guards, keys that are not identifiers', () => {
    const machine = setup({ guards: { isReady: () => true } }).createMachine({
      id: 'other',
      initial: 'first-step',
      states: {
        'first-step': { always: 'second' },
        second: {
          on: {
            go: [
              { guard: 'isReady', target: 'first-step' },
              { guard: function isLate() { return false; }, target: 'second' },
            ],
          },
        },
      },
    });

    expect(toMermaidStateDiagram(machine).split('\n')).toEqual([
      'stateDiagram-v2',
      '  [*] --> first_step',
      '  state "first-step" as first_step',
      '  state "second" as second',
      '  first_step --> second : always',
      '  second --> first_step : go [isReady]',
      '  second --> second : go [isLate]',
    ]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
