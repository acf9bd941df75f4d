import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { APP_ORIGIN, APP_PORT, CORE_PORT, REPO_ROOT, serverEnv } from '../e2eEnv';

export const SERVER_LOG = path.join(REPO_ROOT, 'test-results', 'e2e-server.log');
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

export interface AppServer {
  /** SIGTERM to the whole process group (launcher, Next, core), SIGKILL if it lingers. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts the embedded core and `next start` through the project's launcher (`scripts/start.ts`),
 * in a process group of their own so they can be stopped together, and waits until a page answers.
 * Output goes to test-results/e2e-server.log.
 */
export async function startAppServer(): Promise<AppServer> {
  await assertPortsFree();
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const log = createWriteStream(SERVER_LOG);
  const launcher = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/start.ts', '--port', String(APP_PORT)],
    { cwd: REPO_ROOT, env: serverEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  launcher.stdout?.pipe(log);
  launcher.stderr?.pipe(log);
  const server = { stop: once(() => stopGroup(launcher)) };
  try {
    await waitUntilReady(launcher);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** Also called before the build, to fail in a second rather than after it. */
export async function assertPortsFree(): Promise<void> {
  for (const port of [APP_PORT, CORE_PORT]) {
    if (await isListening(port)) {
      throw new Error(`Port ${port} is already in use (a previous e2e run still going, or another server): stop it first.`);
    }
  }
}

async function waitUntilReady(launcher: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (launcher.exitCode !== null || launcher.signalCode !== null) {
      throw new Error(`The app server exited during start-up:\n${tailOfLog()}`);
    }
    try {
      if ((await fetch(`${APP_ORIGIN}/about`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The app server did not answer ${APP_ORIGIN}/about within ${READY_TIMEOUT_MS} ms:\n${tailOfLog()}`);
}

async function stopGroup(launcher: ChildProcess): Promise<void> {
  const { pid } = launcher;
  if (pid === undefined) return;
  const exited = new Promise<void>((resolve) => {
    if (launcher.exitCode !== null || launcher.signalCode !== null) resolve();
    else launcher.once('exit', () => resolve());
  });
  // The launcher passes SIGTERM to Next and stops the core once Next has exited.
  signalGroup(pid, 'SIGTERM');
  const forceKill = setTimeout(() => signalGroup(pid, 'SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(forceKill);
  // Whatever else is left in the group (nothing, normally) goes now.
  signalGroup(pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

async function isListening(port: number): Promise<boolean> {
  const answers = await Promise.all(['127.0.0.1', '::1'].map((host) => accepts(host, port)));
  return answers.includes(true);
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function tailOfLog(): string {
  try {
    return readFileSync(SERVER_LOG, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no server log)';
  }
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= action());
}
