import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { startEmbeddedCore, type CoreRequestEvent, type EmbeddedCore } from '../embedded-core';
import { waitForHello } from '../scripts/launchWithCore';

export interface BenchCore {
  core: EmbeddedCore;
  /** Every call an app made to the core, for checking that renders stay local. */
  calls: CoreRequestEvent[];
}

export async function startBenchCore(port: number): Promise<BenchCore> {
  const calls: CoreRequestEvent[] = [];
  const core = await startEmbeddedCore({ port, onRequest: (event) => calls.push(event) });
  await waitForHello(core.url);
  return { core, calls };
}

export interface BenchApp {
  origin: string;
  stop(): Promise<void>;
}

export interface BenchAppOptions {
  port: number;
  distDir: string;
  core: EmbeddedCore;
  /** Build-time settings (`NEXT_PUBLIC_*`) that make this build a variant. */
  buildEnv?: Record<string, string>;
}

/**
 * A production build (`next build` + `next start`): what users run, not the dev server, whose
 * compile-on-demand would swamp every measurement. Several apps may share one core, and with it
 * the users, sessions and signing keys (cookies on localhost ignore the port).
 */
export async function startBenchApp({ port, distDir, core, buildEnv = {} }: BenchAppOptions): Promise<BenchApp> {
  const origin = `http://localhost:${port}`;
  const env = {
    ...process.env,
    ...buildEnv,
    NEXT_DIST_DIR: distDir,
    NEXT_PUBLIC_WEBSITE_DOMAIN: origin,
    NEXT_PUBLIC_API_DOMAIN: origin,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    console.log(`building ${distDir} for ${origin} …`);
    const build = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], { env, stdio: 'ignore' });
    if (build.status !== 0) throw new Error(`next build of ${distDir} failed; run it by hand to see why`);
  }
  const next = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', String(port)], {
    env: {
      ...env,
      SUPERTOKENS_CONNECTION_URI: core.url,
      // Production refuses logged reset links unless asked by name; the bench sends no emails anyway.
      SUPERTOKENS_EMAIL_DELIVERY: 'log',
      ENABLE_BENCH_PAGES: '1',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHttp(`${origin}/about`, next);
  } catch (error) {
    await stopChild(next);
    throw error;
  }
  return { origin, stop: () => stopChild(next) };
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
