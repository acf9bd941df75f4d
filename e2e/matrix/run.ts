import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCell, installCell, packPackages, PACKAGE_NAMES } from '../consumers/consumerApp';
import { cellDir, MATRIX_CELLS, type ConsumerCell } from '../consumers/consumerCells';
import { REPO_ROOT } from '../e2eEnv';
import { assertChromiumInstalled } from '../support/chromium';
import { secondsSince } from '../support/elapsed';

/**
 * `npm run test:matrix`: the packed kit installed into an app per cell of the compatibility matrix
 * (e2e/consumers/consumerCells.ts), as teams on those versions would: installs first (all at
 * once: the network), then builds one at a time (the processors), then the lean refresh's
 * contract test against each supertokens-website the cells installed, then one browser spec per
 * cell and bundler. Nothing is installed or built inside a test's time budget.
 * `-- <cell id>` runs the cells named. `-- --install-only` packs and installs, and stops there;
 * `-- --installed` then starts at the builds (CI installs while the soak runs: the network, not
 * the processors).
 */
async function main(): Promise<number> {
  assertChromiumInstalled();
  const named = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const cells = named.length > 0 ? MATRIX_CELLS.filter((cell) => named.includes(cell.id)) : [...MATRIX_CELLS];
  if (cells.length === 0) throw new Error(`No matrix cell is named ${named.join(', ')}: ${MATRIX_CELLS.map((c) => c.id).join(', ')}`);

  const started = Date.now();
  if (process.argv.includes('--installed')) assertInstalled(cells);
  else {
    const tarballs = await packPackages();
    console.log(`[matrix] installing ${cells.map((cell) => cell.id).join(', ')}`);
    await Promise.all(cells.map((cell) => installCell(cell, tarballs)));
    if (process.argv.includes('--install-only')) {
      console.log(`[matrix] installed (${secondsSince(started)}); build and test with \`npm run test:matrix -- --installed\``);
      return 0;
    }
  }
  for (const cell of cells) {
    for (const build of cell.builds) {
      console.log(`[matrix] building ${cell.id} with ${build.bundler} (${secondsSince(started)})`);
      await buildCell(cell, build);
    }
  }

  for (const [version, dir] of websiteVersions(cells)) {
    console.log(`[matrix] the lean refresh's contract with supertokens-website ${version} (${secondsSince(started)})`);
    const code = await run(process.execPath, [require.resolve('jest/bin/jest'), '__tests__/supertokens/leanRefresh.test.ts'], {
      SUPERTOKENS_WEBSITE_DIR: dir,
    });
    if (code !== 0) return code;
  }

  console.log(`[matrix] browser specs (${secondsSince(started)})`);
  const only = named.length > 0 ? ['--grep', cells.map((cell) => escapeRegExp(cell.title)).join('|')] : [];
  return run(process.execPath, [require.resolve('@playwright/test/cli'), 'test', '--config', 'e2e/matrix/playwright.config.ts', ...only]);
}

/** `--installed` trusts an earlier `--install-only` of this checkout; a cell it did not install is named. */
function assertInstalled(cells: readonly ConsumerCell[]): void {
  const missing = cells.filter((cell) => !Object.values(PACKAGE_NAMES).every((name) => existsSync(path.join(cellDir(cell), 'node_modules', name, 'package.json'))));
  if (missing.length > 0) {
    throw new Error(`--installed, but ${missing.map((cell) => cell.id).join(', ')} not installed: run \`npm run test:matrix -- --install-only\` first.`);
  }
}

/** Each distinct supertokens-website the cells installed, with its folder. */
function websiteVersions(cells: readonly ConsumerCell[]): Map<string, string> {
  const versions = new Map<string, string>();
  for (const cell of cells) {
    const dir = path.join(cellDir(cell), 'node_modules', 'supertokens-website');
    const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
    if (!versions.has(version)) versions.set(version, dir);
  }
  return versions;
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[matrix]', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
