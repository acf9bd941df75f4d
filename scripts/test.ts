import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { secondsSince } from '../e2e/support/elapsed';

/**
 * `npm test`: the unit tests (Jest) while the browser tests' builds are made, then the browser
 * tests on those builds. Jest keeps one core busy and a Next build rarely both, so on CI's two
 * cores the builds cost little extra time beside Jest. Exits non-zero when either part fails;
 * the browser tests run only when both passed.
 */
const REPO_ROOT = path.resolve(__dirname, '..');
const BUILD_LOG = path.join(REPO_ROOT, 'test-results', 'e2e-build.log');
const children = new Set<ChildProcess>();

async function main(): Promise<number> {
  mkdirSync(path.dirname(BUILD_LOG), { recursive: true });
  console.log(`[test] unit tests, with the browser tests' builds beside them (log: ${path.relative(REPO_ROOT, BUILD_LOG)})`);
  const buildOutput: string[] = [];
  const started = Date.now();
  let buildTime = '';
  const building = run(['--import', 'tsx', 'e2e/run.ts', '--build-only'], (chunk) => buildOutput.push(chunk))
    .catch((error: unknown) => {
      buildOutput.push(`[test] the builds could not start: ${String(error)}\n`);
      return 1;
    })
    .finally(() => {
      buildTime = secondsSince(started);
      writeFileSync(BUILD_LOG, buildOutput.join(''));
    });
  const unitCode = await run([require.resolve('jest/bin/jest')]);
  const unitTime = secondsSince(started);
  const buildCode = await building;
  // Which of the two the browser tests waited for (CI's time is mostly this command's).
  console.log(`\n[test] unit tests ${unitTime}, the browser tests' builds ${buildTime}`);
  console.log(`[test] the browser tests' builds (exit ${buildCode}):\n${buildOutput.join('')}`);
  if (unitCode !== 0 || buildCode !== 0) {
    console.error(`[test] failed: ${[unitCode !== 0 && `unit tests (exit ${unitCode})`, buildCode !== 0 && `builds (exit ${buildCode})`].filter(Boolean).join(', ')}`);
    return unitCode || buildCode;
  }
  return run(['--import', 'tsx', 'e2e/run.ts', '--no-build']);
}

/** Runs `node <args>` in the repository; its output to the terminal, or to `collect`. */
function run(args: string[], collect?: (chunk: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: collect ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    children.add(child);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => collect?.(chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => collect?.(chunk));
    child.on('error', reject);
    // `close`, not `exit`: every byte of its output has arrived by then.
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 1));
    });
  });
}

// Each child stops itself on SIGINT (Ctrl-C reaches the whole group); a SIGTERM is passed on.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => {
  for (const child of children) child.kill('SIGTERM');
});

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[test]', error);
    process.exit(1);
  },
);
