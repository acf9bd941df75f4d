/**
 * `npm run build:package`: the publishable package in `dist/`, built from `machines/` and `lib/`.
 * `dist/` is the package root: its manifest is `package/package.json` (entry paths relative to
 * it), so the repository's own package.json stays the demo app's. Publish with `npm publish dist`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const dist = path.join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
const build = spawnSync(process.execPath, [require.resolve('tsup/dist/cli-default.js'), '--config', 'package/tsup.config.ts'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
for (const [from, to] of [
  ['package/package.json', 'package.json'],
  ['README.md', 'README.md'],
  ['CHANGELOG.md', 'CHANGELOG.md'],
  ['LICENSE', 'LICENSE'],
] as const) {
  copyFileSync(path.join(root, from), path.join(dist, to));
}
console.log('dist/ is ready: `npm pack ./dist`, or `npm publish ./dist`.');
