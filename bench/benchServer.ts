import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { waitForHello } from '../scripts/launchWithCore';

/** A server process the bench started and must stop. */
export interface BenchProcess {
  url: string;
  stop(): Promise<void>;
}

const REPO_ROOT = path.resolve(__dirname, '..');
const NEXT_BIN = require.resolve('next/dist/bin/next');

/**
 * The embedded core in a process of its own (`npm run core`), memory only, so the load the bench
 * puts on it and the core's own work never share one event loop. `settings` are the core's
 * (ACCESS_TOKEN_VALIDITY, …).
 */
export async function startBenchCore(port: number, settings: Record<string, string> = {}): Promise<BenchProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'embedded-core/cli.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...settings, PORT: String(port), EMBEDDED_CORE_DATA_FILE: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([waitForHello(url, 20_000), exitOf(child)]);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url, stop: () => stopChild(child) };
}

export interface BenchBuild {
  /** Where the app is (`.`) or a fixture app under bench/fixtures. */
  projectDir?: string;
  distDir: string;
  /** The origin the browser will use: Next inlines it into the client bundle. */
  origin: string;
  /** Build-time settings (`NEXT_PUBLIC_*`) that make this build a variant. */
  env?: Record<string, string>;
}

/**
 * A production build (`next build`), with source maps so the first-load JavaScript can be
 * attributed to packages (the maps change no chunk). BENCH_SKIP_BUILD=1 reuses the last one.
 */
export function buildForBench({ projectDir = '.', distDir, origin, env = {} }: BenchBuild): void {
  if (process.env.BENCH_SKIP_BUILD === '1') return;
  console.log(`building ${path.join(projectDir, distDir)} for ${origin} …`);
  const build = spawnSync(process.execPath, [NEXT_BIN, 'build', projectDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...buildEnv(distDir, origin), ...env },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    const output = `${build.stdout}\n${build.stderr}`.split('\n').slice(-30).join('\n');
    throw new Error(`next build of ${distDir} failed (exit ${build.status}):\n${output}`);
  }
}

function buildEnv(distDir: string, origin: string): Record<string, string> {
  return {
    NEXT_DIST_DIR: distDir,
    NEXT_PUBLIC_WEBSITE_DOMAIN: origin,
    NEXT_PUBLIC_API_DOMAIN: origin,
    NEXT_TELEMETRY_DISABLED: '1',
    BUNDLE_SOURCE_MAPS: '1',
  };
}

export interface BenchAppOptions {
  port: number;
  distDir: string;
  /** The origin the build was made for (the bench may serve one build on a second port). */
  builtFor: string;
  coreUrl: string;
}

/**
 * `next start` on a bench build: what users run, not the dev server, whose compile-on-demand would
 * swamp every measurement. Several apps may share one core, and with it the users, sessions and
 * signing keys (cookies on localhost ignore the port).
 */
export async function startBenchApp({ port, distDir, builtFor, coreUrl }: BenchAppOptions): Promise<BenchProcess> {
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port)], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...buildEnv(distDir, builtFor),
      SUPERTOKENS_CONNECTION_URI: coreUrl,
      // Production refuses logged reset links unless asked by name; the bench sends no emails anyway.
      SUPERTOKENS_EMAIL_DELIVERY: 'log',
      ENABLE_BENCH_PAGES: '1',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await Promise.race([waitForHttp(`${url}/about`), exitOf(child)]);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url, stop: () => stopChild(child) };
}

async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Rejects when the child exits: a server that dies while starting must not be waited for. */
function exitOf(child: ChildProcess): Promise<never> {
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => reject(new Error(`${child.spawnargs.slice(1, 4).join(' ')} exited with ${code}`)));
  });
  // Once the server is up, its exit (when the bench stops it) is nobody's error.
  exited.catch(() => {});
  return exited;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
