import { defineConfig } from 'tsup';

/**
 * The embedded core as its own package (`npm run build:core` → embedded-core/dist): the library in
 * ESM and CommonJS with declarations, and the `bin` (CommonJS, with a shebang). jose, its one
 * import outside Node, is bundled in, so installing the core pulls in nothing else (its licence
 * ships beside it, dist/THIRD_PARTY_LICENSES.md).
 */
export default defineConfig([
  {
    entry: { index: 'embedded-core/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'node',
    outDir: 'embedded-core/dist',
    tsconfig: 'embedded-core/tsconfig.build.json',
    noExternal: ['jose'],
  },
  {
    entry: { cli: 'embedded-core/cli.ts' },
    format: ['cjs'],
    target: 'es2022',
    platform: 'node',
    outDir: 'embedded-core/dist',
    tsconfig: 'embedded-core/tsconfig.build.json',
    noExternal: ['jose'],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
