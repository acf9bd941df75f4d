import { createActor } from 'xstate';
import { createSessionFlowLogic } from '../lib/core/createSessionFlowLogic';
import { createFakeSessionFlowWorld } from '../lib/testing/fakePorts';
import { SAMPLE_VERDICTS } from '../lib/testing/sessionFlowTestModel';
import { round } from './stats';

export interface MemoryResult {
  cycles: number;
  /** Heap growth after GC, per recovery cycle (refresh → soft reload → accepted), in bytes. */
  retainedBytesPerCycle: number;
  /** The same for a baseline that creates and drops fake worlds without any actor. */
  baselineBytesPerCycle: number;
}

/**
 * One long-lived actor (as in a tab) going through many recoveries must not grow: whatever a
 * cycle allocates has to be collectable. Needs `node --expose-gc`.
 */
export async function measureRuntimeMemory(cycles = 10_000): Promise<MemoryResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench does)');
  const baseline = await retainedPerCycle(gc, cycles, async () => {
    createFakeSessionFlowWorld();
  });
  const world = createFakeSessionFlowWorld();
  const actor = createActor(createSessionFlowLogic(world.ports, { random: () => 0.5 }), {
    input: { verdict: SAMPLE_VERDICTS.ok },
  }).start();
  const flow = await retainedPerCycle(gc, cycles, async () => {
    actor.send({ type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.expired });
    world.session.answerRefresh('refreshed');
    await Promise.resolve();
    await Promise.resolve();
    // The soft reload's props render (and deliver their verdict) before the router resolves.
    await world.router.next.completeNavigation(() => {
      actor.send({ type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.ok });
    });
  });
  actor.stop();
  return { cycles, retainedBytesPerCycle: round(flow, 1), baselineBytesPerCycle: round(baseline, 1) };
}

/**
 * Heap growth per cycle between two equal runs after a warm-up: the first runs absorb one-off
 * costs (JIT code, inline caches, lazily built tables), so only a leak grows the second.
 */
async function retainedPerCycle(gc: () => void, cycles: number, cycle: () => Promise<void>): Promise<number> {
  const heapAfter = async (count: number) => {
    for (let i = 0; i < count; i += 1) await cycle();
    gc();
    return process.memoryUsage().heapUsed;
  };
  await heapAfter(cycles);
  const settled = await heapAfter(cycles);
  const after = await heapAfter(cycles);
  return Math.max(0, after - settled) / cycles;
}
