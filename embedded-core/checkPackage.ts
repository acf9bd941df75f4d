/**
 * After `npm run build:core` (and publint, arethetypeswrong): the core's package as a team gets it.
 * Packs embedded-core/, installs the tarball into an empty project in a temporary folder, then
 * - `npx ssr-session-flow-embedded-core --port <free> --memory` starts it and it answers GET /hello;
 * - `require` and `import` of the package both give a `startCore` that starts and stops a core;
 * - the installed package brought no other package with it (jose is bundled).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PACKAGE = 'ssr-session-flow-embedded-core';
const HELLO_TIMEOUT_MS = 15_000;

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'embedded-core-check-'));
  try {
    const tarball = pack(work);
    console.info(`packed ${path.basename(tarball)}; installing it into an empty project`);
    const app = path.join(work, 'app');
    mkdirSync(app);
    run('npm', ['init', '-y'], app);
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], app);
    const installed = readdirSync(path.join(app, 'node_modules')).filter((entry) => !entry.startsWith('.'));
    if (installed.join() !== PACKAGE) throw new Error(`the tarball installed more than itself: ${installed.join(', ')}`);
    console.info(`npx ${PACKAGE} …`);
    await helloFromBin(app);
    for (const how of ['require', 'import'] as const) startCoreThrough(app, how);
    console.log(`✓ core package check: npx ${PACKAGE} answers /hello; require and import start and stop a core; no dependencies.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function pack(work: string): string {
  run('npm', ['pack', './embedded-core', '--pack-destination', work, '--silent'], process.cwd());
  const [tarball] = readdirSync(work).filter((file) => file.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack produced no tarball');
  return path.join(work, tarball);
}

async function helloFromBin(app: string): Promise<void> {
  const port = await freePort();
  // Its own process group: npx runs the bin in a child of its own, and both must stop.
  const core = spawn('npx', ['--no-install', PACKAGE, '--port', String(port), '--memory'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = once(core, 'exit');
  let output = '';
  core.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  core.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  try {
    const deadline = Date.now() + HELLO_TIMEOUT_MS;
    for (;;) {
      const answer = await fetch(`http://127.0.0.1:${port}/hello`).then((response) => response.text(), () => null);
      if (answer?.trim() === 'Hello') return;
      if (core.exitCode !== null || Date.now() > deadline) {
        throw new Error(`npx ${PACKAGE} did not answer /hello on port ${port}:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    if (core.exitCode === null && core.pid !== undefined) process.kill(-core.pid, 'SIGTERM');
    await exited;
  }
}

/** A Node process in the app that loads the package one way and starts, probes and stops a core. */
function startCoreThrough(app: string, how: 'require' | 'import'): void {
  const load = how === 'require' ? `Promise.resolve(require('${PACKAGE}'))` : `import('${PACKAGE}')`;
  const script = `${load}.then(async ({ startCore }) => {
    const core = await startCore({ port: 0, accessTokenValidity: 2 });
    const hello = await (await fetch(core.url + '/hello')).text();
    await core.stop();
    if (hello.trim() !== 'Hello') throw new Error('answered ' + hello);
  }).catch((error) => { console.error(error); process.exit(1); });`;
  const file = path.join(app, `check-${how}.cjs`);
  writeFileSync(file, script);
  run(process.execPath, [file], app);
}

function run(command: string, args: readonly string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

main().catch((error: unknown) => {
  console.error(`✗ core package check: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
