import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../e2eEnv';

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/** `next build` into its own folder; throws with the end of Next's output when it fails. */
export function buildApp(env: NodeJS.ProcessEnv): void {
  const build = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    const output = `${build.stdout}\n${build.stderr}`.split('\n').slice(-30).join('\n');
    throw new Error(`next build into ${env.NEXT_DIST_DIR} failed (exit ${build.status}):\n${output}`);
  }
}

export interface ServerProcess {
  /** Everything the process printed so far. */
  log(): string;
  /** Waits until the log has a line matching `pattern` and returns the match. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** SIGTERM to the process group, SIGKILL if it lingers. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts `node <args>` in a process group of its own (so Next and anything it starts stop
 * together), logging to test-results/<name>.log, and waits until `readyUrl` answers.
 */
export async function startServerProcess(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  readyUrl: string,
  cwd: string = REPO_ROOT,
): Promise<ServerProcess> {
  const logFile = path.join(REPO_ROOT, 'test-results', `${name}.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      log.write(chunk);
    });
  }
  let stopping: Promise<void> | undefined;
  const server: ServerProcess = {
    log: () => output,
    async waitForLog(pattern, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = output.match(pattern);
        if (match) return match;
        if (Date.now() > deadline) throw new Error(`${name} never logged ${pattern}; its log is ${logFile}`);
        await sleep(100);
      }
    },
    stop: () => (stopping ??= stopGroup(child)),
  };
  try {
    await waitUntilReady(child, readyUrl, () => output);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitUntilReady(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited during start-up:\n${output().split('\n').slice(-20).join('\n')}`);
    }
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${READY_TIMEOUT_MS} ms`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  const { pid } = child;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(pid, 'SIGTERM');
  const forceKill = setTimeout(() => signalGroup(pid, 'SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(forceKill);
  signalGroup(pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

