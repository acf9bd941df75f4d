import type { AnyStateMachine } from 'xstate';
import {
  describedSessionFlowMachine,
  SESSION_FLOW_STATE_DESCRIPTIONS,
  SESSION_FLOW_TRANSITION_DESCRIPTIONS,
  sessionFlowMachine,
} from '../../machines';
import type { SessionFlowLogic } from '../../lib/core/createSessionFlowLogic';
import { createFakeSessionFlowWorld } from '../../lib/testing/fakePorts';

/** Descriptions feed the inspector and the README diagram (development tools) and cost bytes on every page. */
describe('the session-flow machine’s descriptions', () => {
  /** Every `description` in a machine's config, wherever it sits. */
  const descriptions = (machine: AnyStateMachine): unknown[] => {
    const found: unknown[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (typeof value === 'object' && value !== null) {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'description') found.push(inner);
          else walk(inner);
        }
      }
    };
    walk(machine.config);
    return found;
  };

  /** The machine the runtime runs, as a build for `nodeEnv` makes it. */
  const runtimeMachine = (nodeEnv: string): SessionFlowLogic => {
    const env = process.env as Record<string, string | undefined>;
    const before = env.NODE_ENV;
    env.NODE_ENV = nodeEnv;
    try {
      let logic!: SessionFlowLogic;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module per NODE_ENV needs require
        const runtime = require('../../lib/core/createSessionFlowLogic') as typeof import('../../lib/core/createSessionFlowLogic');
        logic = runtime.createSessionFlowLogic(createFakeSessionFlowWorld().ports);
      });
      return logic;
    } finally {
      env.NODE_ENV = before;
    }
  };

  it('are there outside production', () => {
    expect(descriptions(runtimeMachine('development')).filter(Boolean).length).toBeGreaterThan(30);
  });

  it('are left out of a production build', () => {
    expect(descriptions(runtimeMachine('production')).filter(Boolean)).toEqual([]);
  });

  it('are not in the machine itself, and each lands on a state or transition it has', () => {
    expect(descriptions(sessionFlowMachine)).toEqual([]);
    const texts = [...Object.values(SESSION_FLOW_STATE_DESCRIPTIONS), ...Object.values(SESSION_FLOW_TRANSITION_DESCRIPTIONS)];
    expect(descriptions(describedSessionFlowMachine()).sort()).toEqual(texts.sort());
  });

  it('leave the machine as it is: the same states and transitions', () => {
    const shape = (machine: AnyStateMachine) => JSON.stringify(machine.definition, (key, value: unknown) => (key === 'description' ? undefined : value));
    expect(shape(describedSessionFlowMachine())).toBe(shape(sessionFlowMachine));
  });
});
