import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CONSUMER_DIR, REPO_ROOT } from '../e2eEnv';

const PACK_DIR = path.join(CONSUMER_DIR, '.pack');
/** The name examples/consumer/package.json installs from (`file:.pack/ssr-session-flow.tgz`). */
const TARBALL = path.join(PACK_DIR, 'ssr-session-flow.tgz');

/**
 * What another team does: build and pack the package (`npm pack`), install the tarball next to
 * the app's own dependencies from the registry, and `next build` the app. The app gets nothing
 * from this repository but the tarball.
 */
export function installAndBuildConsumer(env: NodeJS.ProcessEnv): void {
  run('npm', ['run', 'build:package'], REPO_ROOT);
  rmSync(PACK_DIR, { recursive: true, force: true });
  mkdirSync(PACK_DIR, { recursive: true });
  run('npm', ['pack', './dist', '--pack-destination', PACK_DIR, '--silent'], REPO_ROOT);
  const [packed] = readdirSync(PACK_DIR).filter((file) => file.endsWith('.tgz'));
  if (!packed) throw new Error('npm pack produced no tarball');
  renameSync(path.join(PACK_DIR, packed), TARBALL);
  // A tarball of the same version but new contents must replace the installed copy.
  rmSync(path.join(CONSUMER_DIR, 'node_modules', 'ssr-session-flow'), { recursive: true, force: true });
  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], CONSUMER_DIR);
  run(process.execPath, [path.join(CONSUMER_DIR, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], CONSUMER_DIR, env);
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.split('\n').slice(-30).join('\n');
    throw new Error(`${command} ${args.join(' ')} (in ${path.relative(REPO_ROOT, cwd) || '.'}) failed:\n${output}`);
  }
}
