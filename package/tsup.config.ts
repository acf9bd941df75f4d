import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import kitEntries from '../scripts/kitEntries.cjs';

const manifest = JSON.parse(readFileSync('package/package.json', 'utf8')) as { peerDependencies: Record<string, string> };

/** Never bundled: another entry of this package, a peer dependency (or a path in it), Node's own. */
const EXTERNAL = [
  /^ssr-session-flow\//,
  ...Object.keys(manifest.peerDependencies).map((name) => new RegExp(`^${name.replace('/', '\\/')}(/|$)`)),
  /^node:/,
];

/**
 * The published package: one folder of `dist/` per entry point (scripts/kitEntries.cjs), ESM and
 * CommonJS, declarations and source maps; an entry's browser build beside it. Each entry is built
 * on its own; imports of another entry stay imports of `ssr-session-flow/<entry>`, so there is one
 * machine, one set of types and one cross-tab channel whoever imports them.
 */
export const ENTRIES: Array<{ out: string; source: string }> = Object.entries(
  kitEntries as Record<string, { source: string; browser?: string }>,
).flatMap(([name, { source, browser }]) => {
  const folder = name.slice('ssr-session-flow/'.length);
  const built = [{ out: `${folder}/index`, source: source.slice(2) }];
  return browser ? [...built, { out: `${folder}/browser`, source: browser.slice(2) }] : built;
});

export default defineConfig(
  ENTRIES.map(({ out, source }): Options => ({
    entry: { [out]: source },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    splitting: false,
    // esbuild's own tree shaking; a second pass through Rollup would drop the client entry's
    // "use client" directive, which esbuild keeps (scripts/checkPackage.ts checks it).
    treeshake: false,
    target: 'es2022',
    outDir: 'dist',
    tsconfig: 'package/tsconfig.build.json',
    external: EXTERNAL,
  })),
);
