import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../e2eEnv';
import { cellDir, CONSUMERS_DIR, distDirOf, originOf, type ConsumerBuild, type ConsumerCell } from './consumerCells';

const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples', 'consumer');
/** Generous: a cold npm cache downloads a whole Next.js. Never inside a test's time budget. */
const INSTALL_TIMEOUT_MS = 15 * 60_000;
const BUILD_TIMEOUT_MS = 10 * 60_000;

/** The two packages another team installs: the kit, and the embedded core its browser tests run on. */
export interface PackedTarballs {
  kit: string;
  core: string;
}

/** Where examples/consumer/package.json installs each package from (`file:.pack/<name>.tgz`). */
const TARBALL_NAMES: Record<keyof PackedTarballs, string> = { kit: 'ssr-session-flow.tgz', core: 'ssr-session-flow-embedded-core.tgz' };
export const PACKAGE_NAMES: Record<keyof PackedTarballs, string> = { kit: 'ssr-session-flow', core: 'ssr-session-flow-embedded-core' };

/** What another team gets: each package built and packed with `npm pack`. */
export async function packPackages(): Promise<PackedTarballs> {
  await run('npm', ['run', 'build:package', '--silent'], REPO_ROOT, BUILD_TIMEOUT_MS);
  await run('npm', ['run', 'build:core', '--silent'], REPO_ROOT, BUILD_TIMEOUT_MS);
  mkdirSync(CONSUMERS_DIR, { recursive: true });
  return { kit: await pack('./dist', 'kit'), core: await pack('./embedded-core', 'core') };
}

async function pack(folder: string, which: keyof PackedTarballs): Promise<string> {
  const packDir = path.join(CONSUMERS_DIR, 'pack');
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir);
  await run('npm', ['pack', folder, '--pack-destination', packDir, '--silent'], REPO_ROOT, BUILD_TIMEOUT_MS);
  const [packed] = readdirSync(packDir).filter((file) => file.endsWith('.tgz'));
  if (!packed) throw new Error(`npm pack ${folder} produced no tarball`);
  const tarball = path.join(CONSUMERS_DIR, TARBALL_NAMES[which]);
  renameSync(path.join(packDir, packed), tarball);
  return tarball;
}

/**
 * Makes the cell's app from the example's files and the cell's versions, and installs it from the
 * registry plus the tarballs. Its node_modules stays between runs (npm reconciles it), except the
 * packages' own copies: a tarball of the same version but new contents must replace them.
 */
export async function installCell(cell: ConsumerCell, tarballs: PackedTarballs): Promise<void> {
  const dir = cellDir(cell);
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) {
    if (entry !== 'node_modules') rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
  const leftOut = (source: string) =>
    /[/\\](node_modules|\.next[^/\\]*|\.pack)$/.test(source) || (!cell.routers.includes('app') && source === path.join(EXAMPLE_DIR, 'app'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true, filter: (source) => !leftOut(source) });
  for (const [file, content] of Object.entries(cell.files ?? {})) {
    if (content === null) rmSync(path.join(dir, file), { force: true });
    else writeFileSync(path.join(dir, file), content);
  }
  const manifest = JSON.parse(readFileSync(path.join(EXAMPLE_DIR, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  manifest.dependencies = { ...manifest.dependencies, ...cell.dependencies };
  manifest.devDependencies = { ...manifest.devDependencies, ...cell.devDependencies };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  mkdirSync(path.join(dir, '.pack'));
  for (const which of ['kit', 'core'] as const) {
    cpSync(tarballs[which], path.join(dir, '.pack', TARBALL_NAMES[which]));
    rmSync(path.join(dir, 'node_modules', PACKAGE_NAMES[which]), { recursive: true, force: true });
  }
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], dir, INSTALL_TIMEOUT_MS);
}

/** `next build` of an installed cell, with the origin its browser will use inlined. */
export async function buildCell(cell: ConsumerCell, build: ConsumerBuild): Promise<void> {
  const dir = cellDir(cell);
  rmSync(path.join(dir, distDirOf(build)), { recursive: true, force: true });
  await run(process.execPath, [nextBin(dir), 'build', ...build.buildArgs], dir, BUILD_TIMEOUT_MS, buildEnv(build));
}

export function nextBin(dir: string): string {
  return path.join(dir, 'node_modules', 'next', 'dist', 'bin', 'next');
}

/** The environment of both `next build` and `next start` of a consumer build. */
export function buildEnv(build: ConsumerBuild): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_PUBLIC_ORIGIN: originOf(build),
    NEXT_DIST_DIR: distDirOf(build),
  };
}

/** A cell whose build is missing was not prepared: say how to run the specs. */
export function assertBuilt(cell: ConsumerCell, build: ConsumerBuild): void {
  if (!existsSync(path.join(cellDir(cell), distDirOf(build), 'BUILD_ID'))) {
    throw new Error(`${cell.title} has no ${build.bundler} build in ${cellDir(cell)}: run the specs with \`npm run test:e2e\`, which builds it first.`);
  }
}

function run(command: string, args: readonly string[], cwd: string, timeoutMs: number, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      const tail = output.split('\n').slice(-40).join('\n');
      const why = signal ? `killed (${signal}) after ${timeoutMs / 1000} s` : `exit ${code}`;
      reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) failed, ${why}:\n${tail}`));
    });
  });
}
