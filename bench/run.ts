import { startBenchServer } from './benchServer';
import { measureRecoveryTime } from './recoveryTime';
import { measureRuntimeMemory } from './runtimeMemory';
import { cookieHeader, signUp } from './signUp';
import { measureSsrThroughput } from './ssrThroughput';
import { round } from './stats';

/**
 * `npm run bench`: every figure is a ratio against a baseline measured in the same run, on the
 * same machine, so the targets hold whatever the machine's speed. Exits 1 if a target is missed.
 */
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const CORE_PORT = Number(process.env.BENCH_CORE_PORT ?? 3867);

interface Check {
  name: string;
  value: number;
  target: string;
  met: boolean;
}

async function main(): Promise<void> {
  const memory = await measureRuntimeMemory();
  const server = await startBenchServer({ port: PORT, corePort: CORE_PORT });
  try {
    const cookies = await signUp(server.origin);
    const throughput = await measureSsrThroughput(server.origin, cookieHeader(cookies, ['sAccessToken']));
    const recovery = await measureRecoveryTime(server.origin, cookies);

    console.log('\nSSR throughput (req/s, median of alternating rounds)');
    console.table({ protected: throughput.protectedRps, 'same page, no check': throughput.unprotectedRps });
    console.log('Recovery, start → protected content visible (ms, median)');
    console.table({
      'ssr-session-flow (soft reload)': recovery.oursMs,
      'SuperTokens docs recipe (location.reload)': recovery.docsRecipeMs,
      'floor: one refresh + one server-props fetch': recovery.floorMs,
    });
    console.log('Runtime memory: heap growth after GC per recovery cycle (bytes), after a warm-up');
    console.table({ 'one actor, many recoveries': memory.retainedBytesPerCycle, baseline: memory.baselineBytesPerCycle });

    const checks: Check[] = [
      { name: 'protected ÷ unprotected throughput', value: throughput.ratio, target: '>= 0.90', met: throughput.ratio >= 0.9 },
      { name: 'recovery ÷ docs recipe', value: recovery.ratioToRecipe, target: '<= 0.50', met: recovery.ratioToRecipe <= 0.5 },
      { name: 'recovery ÷ floor', value: recovery.ratioToFloor, target: '<= 2.00', met: recovery.ratioToFloor <= 2 },
      {
        name: 'heap growth per recovery cycle − baseline (bytes)',
        value: round(memory.retainedBytesPerCycle - memory.baselineBytesPerCycle, 1),
        target: '<= 16',
        met: memory.retainedBytesPerCycle - memory.baselineBytesPerCycle <= 16,
      },
    ];
    console.log('Targets');
    console.table(checks.map(({ name, value, target, met }) => ({ ratio: name, value, target, met: met ? 'yes' : 'NO' })));
    process.exitCode = checks.every((check) => check.met) ? 0 : 1;
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
