/**
 * `npm run build:core`: the embedded core's package in embedded-core/dist, next to its manifest
 * (embedded-core/package.json) and README. Pack or publish the folder: `npm pack ./embedded-core`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const dist = path.join(root, 'embedded-core', 'dist');

rmSync(dist, { recursive: true, force: true });
const build = spawnSync(process.execPath, [require.resolve('tsup/dist/cli-default.js'), '--config', 'embedded-core/tsup.config.ts'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
copyFileSync(path.join(root, 'LICENSE'), path.join(dist, 'LICENSE'));
const joseLicence = readFileSync(require.resolve('jose/package.json').replace(/package\.json$/, 'LICENSE.md'), 'utf8');
writeFileSync(path.join(dist, 'THIRD_PARTY_LICENSES.md'), `# Bundled third-party code\n\n## jose\n\n${joseLicence}`);
chmodSync(path.join(dist, 'cli.js'), 0o755);
console.log('embedded-core/dist is ready: `npm pack ./embedded-core`, or `npm publish ./embedded-core`.');
