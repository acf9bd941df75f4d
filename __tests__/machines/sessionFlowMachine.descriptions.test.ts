import type { SessionFlowMachine } from '../../machines/sessionFlowMachine';

/** Descriptions feed the inspector and the README diagram (development tools) and cost bytes on every page. */
describe('the session-flow machine’s descriptions', () => {
  const load = (nodeEnv: string): SessionFlowMachine => {
    const env = process.env as Record<string, string | undefined>;
    const before = env.NODE_ENV;
    env.NODE_ENV = nodeEnv;
    try {
      let machine!: SessionFlowMachine;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module per NODE_ENV needs require
        machine = (require('../../machines/sessionFlowMachine') as typeof import('../../machines/sessionFlowMachine')).sessionFlowMachine;
      });
      return machine;
    } finally {
      env.NODE_ENV = before;
    }
  };
  /** Every `description` in the machine's config, wherever it sits. */
  const descriptions = (machine: SessionFlowMachine): unknown[] => {
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

  it('are there outside production', () => {
    expect(descriptions(load('development')).filter(Boolean).length).toBeGreaterThan(30);
  });

  it('are left out of a production build', () => {
    expect(descriptions(load('production')).filter(Boolean)).toEqual([]);
  });
});
