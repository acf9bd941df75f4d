import { startBenchApp, startBenchCore } from './benchServer';
import { measureRecoveryTime } from './recoveryTime';
import { measureRuntimeMemory } from './runtimeMemory';
import { cookieHeader, signUp } from './signUp';
import { measureSsrThroughput } from './ssrThroughput';
import { round } from './stats';

/**
 * `npm run bench`: every figure is a ratio against a baseline measured in the same run, on the
 * same machine, so the targets hold whatever the machine's speed. Exits 1 if a target is missed.
 *
 * Two builds share one embedded core: this app as it ships, and the same app with SuperTokens'
 * default refresh lock, so the docs recipe is measured as SuperTokens ships it.
 */
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const CORE_PORT = Number(process.env.BENCH_CORE_PORT ?? 3867);

const OURS = 'ssr-session-flow (soft reload)';
const RECIPE = 'SuperTokens docs recipe, SDK defaults';
const RECIPE_WEB_LOCKS = 'SuperTokens docs recipe + our Web Locks lock';

interface Check {
  name: string;
  value: number;
  target: string;
  met: boolean;
}

async function main(): Promise<void> {
  const memory = await measureRuntimeMemory();
  const { core } = await startBenchCore(CORE_PORT);
  const stops: Array<() => Promise<void>> = [() => core.close()];
  try {
    const app = await startBenchApp({ port: PORT, distDir: '.next-bench', core });
    stops.unshift(app.stop);
    const sdkDefaults = await startBenchApp({
      port: PORT + 1,
      distDir: '.next-bench-sdk-lock',
      core,
      buildEnv: { NEXT_PUBLIC_SESSION_REFRESH_LOCK: 'supertokens' },
    });
    stops.unshift(sdkDefaults.stop);

    const cookies = await signUp(app.origin);
    const throughput = await measureSsrThroughput(app.origin, cookieHeader(cookies, ['sAccessToken']));
    const recovery = await measureRecoveryTime(
      [
        { name: OURS, url: `${app.origin}/bench/protected` },
        { name: RECIPE, url: `${sdkDefaults.origin}/bench/docs-recipe` },
        { name: RECIPE_WEB_LOCKS, url: `${app.origin}/bench/docs-recipe` },
      ],
      cookies,
    );
    const ours = recovery.medianMs[OURS]!;

    console.log('\nSSR throughput (req/s, median of alternating rounds)');
    console.table({ protected: throughput.protectedRps, 'same page, no check': throughput.unprotectedRps });
    console.log('Recovery, start → protected content visible (ms, median)');
    console.table({ ...recovery.medianMs, 'floor: one refresh + one server-props fetch': recovery.floorMs });
    console.log('Runtime memory: heap growth after GC per recovery cycle (bytes), after a warm-up');
    console.table({ 'one actor, many recoveries': memory.retainedBytesPerCycle, baseline: memory.baselineBytesPerCycle });

    const memoryGrowth = round(memory.retainedBytesPerCycle - memory.baselineBytesPerCycle, 1);
    const checks: Check[] = [
      { name: 'protected ÷ unprotected throughput', value: throughput.ratio, target: '>= 0.90', met: throughput.ratio >= 0.9 },
      { name: 'recovery ÷ docs recipe (SDK defaults)', value: round(ours / recovery.medianMs[RECIPE]!), target: '<= 0.50', met: ours / recovery.medianMs[RECIPE]! <= 0.5 },
      { name: 'recovery ÷ floor', value: round(ours / recovery.floorMs), target: '<= 3.00', met: ours / recovery.floorMs <= 3 },
      { name: 'heap growth per recovery cycle − baseline (bytes)', value: memoryGrowth, target: '<= 16', met: memoryGrowth <= 16 },
    ];
    console.log('Targets');
    console.table(checks.map(({ name, value, target, met }) => ({ ratio: name, value, target, met: met ? 'yes' : 'NO' })));
    process.exitCode = checks.every((check) => check.met) ? 0 : 1;
  } finally {
    for (const stop of stops) await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
