import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import fc from 'fast-check';
import { assertPortsFree } from '../support/appServer';
import { assertChromiumInstalled, CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { buildEnv, DIST_DIR, REPO_ROOT } from '../e2eEnv';
import { BUDGETS } from './invariants';
import { scheduleProperty, type ScheduleTally } from './schedule';
import { startSoakServer, type SoakServer } from './soakServer';

/**
 * `npm run soak -- [--runs N] [--seed N] [--max-commands N] [--record] [--no-build]`: random
 * fault schedules against the real app in Chromium. Schedule i runs with seed `seed + i`, on the
 * pages router when that seed is even and the App Router when odd, so `--runs 1 --seed S`
 * replays schedule S alone; each failure prints its seed and its shrunk
 * schedule, and the run goes on. `--record` keeps the result in bench/results.
 */
interface SoakOptions {
  runs: number;
  seed: number;
  maxCommands: number;
  record: boolean;
  build: boolean;
  shrinkMinutes: number;
}

interface ScheduleResult {
  seed: number;
  router: 'pages' | 'app';
  passed: boolean;
  seconds: number;
  tally?: ScheduleTally;
  failure?: string;
}

let server: SoakServer | undefined;

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  assertChromiumInstalled();
  await assertPortsFree();
  if (!options.build && !existsSync(path.join(REPO_ROOT, DIST_DIR, 'BUILD_ID'))) {
    console.error(`[soak] --no-build, but there is no build in ${DIST_DIR}: run npm run test:e2e (or npm run soak without --no-build) first`);
    return 1;
  }
  if (options.build) {
    console.log(`[soak] next build into ${DIST_DIR} (the e2e build: same origin, trace on)`);
    const build = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], { cwd: REPO_ROOT, env: buildEnv(), stdio: 'inherit' });
    if (build.status !== 0) return build.status ?? 1;
  }
  console.log('[soak] starting the core (restartable, in this process) and next start');
  server = await startSoakServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  console.log(`[soak] ${options.runs} schedules from seed ${options.seed}, up to ${options.maxCommands} commands each`);
  const results: ScheduleResult[] = [];
  const started = Date.now();
  try {
    for (let index = 0; index < options.runs; index += 1) {
      const seed = options.seed + index;
      const router = seed % 2 === 0 ? 'pages' : 'app';
      const scheduleStart = Date.now();
      let firstTally: ScheduleTally | undefined;
      const property = scheduleProperty({
        browser,
        core: server.core,
        router,
        maxCommands: options.maxCommands,
        onTally: (tally) => {
          firstTally ??= tally;
        },
      });
      const outcome = await fc.check(property, {
        seed,
        numRuns: 1,
        interruptAfterTimeLimit: (2 + options.shrinkMinutes) * 60_000,
        markInterruptAsFailure: true,
      });
      const seconds = (Date.now() - scheduleStart) / 1000;
      const label = `${index + 1}/${options.runs} seed ${seed} (${router === 'pages' ? 'pages router' : 'App Router'})`;
      if (!outcome.failed) {
        results.push({ seed, router, passed: true, seconds, tally: firstTally });
        console.log(`[soak] ${label}: ok in ${seconds.toFixed(1)} s, ${firstTally?.commands ?? 0} commands, ended on ${firstTally?.ending ?? '?'}`);
      } else {
        const cause = outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance);
        const failure = `${cause}\n${fc.defaultReportMessage(outcome) ?? ''}`.trim();
        results.push({ seed, router, passed: false, seconds, failure });
        console.log(`[soak] ${label}: FAILED after ${seconds.toFixed(1)} s\n${indent(failure)}`);
      }
      // Kept as it goes: a run stopped early still says what it did.
      writeResults(options, { ...summarise(options, results, (Date.now() - started) / 1000), complete: false });
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
  const failures = results.filter((r) => !r.passed);
  const summary = { ...summarise(options, results, (Date.now() - started) / 1000), complete: true };
  const file = writeResults(options, summary);
  console.log(`[soak] ${results.length} schedules, ${failures.length} failed (${summary.minutes} min); results in ${path.relative(REPO_ROOT, file)}`);
  for (const failure of failures) console.log(`[soak]   replay: npm run soak -- --runs 1 --seed ${failure.seed}`);
  return failures.length === 0 ? 0 : 1;
}

type SoakSummary = ReturnType<typeof summarise> & { complete: boolean };

function summarise(options: SoakOptions, results: ScheduleResult[], seconds: number) {
  const drawn: Record<string, number> = {};
  const faults: Record<string, number> = {};
  const endings: Record<string, number> = {};
  let invariantChecks = 0;
  for (const { tally } of results) {
    if (!tally) continue;
    for (const [name, count] of Object.entries(tally.drawn)) drawn[name] = (drawn[name] ?? 0) + count;
    for (const [name, count] of Object.entries(tally.faults)) faults[name] = (faults[name] ?? 0) + count;
    const ending = tally.ending.replace(/ \(back to .*\)/, ' (with return path)');
    endings[ending] = (endings[ending] ?? 0) + 1;
    invariantChecks += tally.invariantChecks;
  }
  return {
    date: new Date().toISOString(),
    commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim(),
    seed: options.seed,
    schedules: results.length,
    byRouter: { pages: results.filter((r) => r.router === 'pages').length, app: results.filter((r) => r.router === 'app').length },
    maxCommands: options.maxCommands,
    commandsDrawn: drawn,
    faultsApplied: faults,
    invariantChecks,
    budgets: BUDGETS,
    endings,
    failures: results.filter((r) => !r.passed).map(({ seed, router, failure }) => ({ seed, router, failure })),
    minutes: Math.round(seconds / 6) / 10,
  };
}

function writeResults(options: SoakOptions, summary: SoakSummary): string {
  const dir = options.record ? path.join(REPO_ROOT, 'bench', 'results') : path.join(REPO_ROOT, 'test-results', 'soak');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, options.record ? `soak-seed${options.seed}-runs${options.runs}.json` : 'latest.json');
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  return file;
}

function readOptions(args: string[]): SoakOptions {
  const options: SoakOptions = { runs: 20, seed: Math.floor(Math.random() * 2 ** 31), maxCommands: 8, record: false, build: true, shrinkMinutes: 5 };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const value = () => {
      const raw = args[(i += 1)];
      const number = Number(raw);
      if (raw === undefined || !Number.isInteger(number) || number < 0) throw new Error(`${arg} takes a whole number, got ${JSON.stringify(raw)}`);
      return number;
    };
    if (arg === '--runs') options.runs = value();
    else if (arg === '--seed') options.seed = value();
    else if (arg === '--max-commands') options.maxCommands = value();
    else if (arg === '--shrink-minutes') options.shrinkMinutes = value();
    else if (arg === '--record') options.record = true;
    else if (arg === '--no-build') options.build = false;
    else throw new Error(`Unknown option ${arg}. Options: --runs N, --seed N, --max-commands N, --shrink-minutes N, --record, --no-build`);
  }
  return options;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

const stop = (code: number) => {
  void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(code));
};
process.on('SIGINT', () => stop(130));
process.on('uncaughtException', (error) => {
  console.error('[soak] a bug in the soak itself:', error);
  stop(1);
});
process.on('unhandledRejection', (error) => {
  console.error('[soak] a bug in the soak itself:', error);
  stop(1);
});
process.on('SIGTERM', () => stop(143));

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error('[soak]', error instanceof Error ? error.message : error);
    await server?.stop();
    process.exit(1);
  },
);
