import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const manifest = JSON.parse(readFileSync('package/package.json', 'utf8')) as { peerDependencies: Record<string, string> };

/** Never bundled: another entry of this package, a peer dependency (or a path in it), Node's own. */
const EXTERNAL = [
  /^ssr-session-flow\//,
  ...Object.keys(manifest.peerDependencies).map((name) => new RegExp(`^${name.replace('/', '\\/')}(/|$)`)),
  /^node:/,
];

/**
 * The published package: one folder of `dist/` per entry point, ESM and CommonJS, declarations and
 * source maps. Each entry is built on its own; imports of another entry stay imports of
 * `ssr-session-flow/<entry>`, so there is one machine and one set of types whoever imports them.
 */
const ENTRIES: Array<{ out: string; source: string }> = [
  { out: 'machine/index', source: 'machines/index.ts' },
  { out: 'server/index', source: 'lib/server/index.ts' },
  { out: 'server/browser', source: 'lib/server/browser.ts' },
  { out: 'client/index', source: 'lib/client/index.ts' },
  { out: 'supertokens/index', source: 'lib/supertokens/index.ts' },
  { out: 'testing/index', source: 'lib/testing/index.ts' },
  { out: 'inspect/index', source: 'lib/inspect/index.ts' },
  { out: 'app-router/server/index', source: 'lib/app-router/server/index.ts' },
  { out: 'app-router/client/index', source: 'lib/app-router/client/index.ts' },
];

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
