import net from 'node:net';
import path from 'node:path';
import { APP_ORIGIN, APP_PORT, CORE_PORT, REPO_ROOT, serverEnv } from '../e2eEnv';
import { startServerProcess, type ServerProcess } from './serverProcess';

const SERVER_LOG_NAME = 'e2e-server';
export const SERVER_LOG = path.join(REPO_ROOT, 'test-results', `${SERVER_LOG_NAME}.log`);

/** SIGTERM to the whole process group (launcher, Next, core), SIGKILL if it lingers. Idempotent. */
export type AppServer = Pick<ServerProcess, 'stop'>;

/**
 * Starts the embedded core and `next start` through the project's launcher (`scripts/start.ts`),
 * in a process group of their own so they can be stopped together, and waits until a page answers.
 * Output goes to test-results/e2e-server.log.
 */
export async function startAppServer(): Promise<AppServer> {
  await assertPortsFree();
  return startServerProcess(
    SERVER_LOG_NAME,
    ['--import', 'tsx', 'scripts/start.ts', '--port', String(APP_PORT)],
    serverEnv(),
    `${APP_ORIGIN}/about`,
  );
}

/** Also called before the build, to fail in a second rather than after it. */
export async function assertPortsFree(): Promise<void> {
  for (const port of [APP_PORT, CORE_PORT]) {
    if (await isListening(port)) {
      throw new Error(`Port ${port} is already in use (a previous e2e run still going, or another server): stop it first.`);
    }
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
