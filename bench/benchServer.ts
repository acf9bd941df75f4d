import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { startEmbeddedCore, type CoreRequestEvent, type EmbeddedCore } from '../embedded-core';
import { waitForHello } from '../scripts/launchWithCore';

export interface BenchServer {
  origin: string;
  core: EmbeddedCore;
  /** Every call the app made to the core, for checking that renders stay local. */
  coreCalls: CoreRequestEvent[];
  stop(): Promise<void>;
}

const DIST_DIR = '.next-bench';

/**
 * A production build (`next build` + `next start`) with the embedded core in memory: what users
 * run, not the dev server, whose compile-on-demand would swamp every measurement.
 */
export async function startBenchServer({ port, corePort }: { port: number; corePort: number }): Promise<BenchServer> {
  const origin = `http://localhost:${port}`;
  const buildEnv = { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_PUBLIC_WEBSITE_DOMAIN: origin, NEXT_TELEMETRY_DISABLED: '1' };
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    console.log(`building the app into ${DIST_DIR} for ${origin} …`);
    const build = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], { env: buildEnv, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const coreCalls: CoreRequestEvent[] = [];
  const core = await startEmbeddedCore({ port: corePort, onRequest: (event) => coreCalls.push(event) });
  const next = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', String(port)], {
    env: { ...buildEnv, SUPERTOKENS_CONNECTION_URI: core.url, ENABLE_BENCH_PAGES: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHello(core.url);
    await waitForHttp(`${origin}/about`, next);
  } catch (error) {
    await stopChild(next);
    await core.close();
    throw error;
  }
  return {
    origin,
    core,
    coreCalls,
    stop: async () => {
      await stopChild(next);
      await core.close();
    },
  };
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
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
