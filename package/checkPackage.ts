/**
 * After `npm run build:package`: what publint and arethetypeswrong cannot know about this package.
 * - The client entries keep their "use client" directive; no other entry has one.
 * - Imports point one way: machine ← core ← supertokens/client, inspect ← pages-router/client,
 *   app-router/client; machine ← supertokens/server ← pages-router/server, app-router/server
 *   (which renders app-router/client's components, as client references); testing builds on the
 *   core; testing/playwright knows only Playwright (the core is a process it starts, never an
 *   import). The machine imports nothing but xstate; the pages
 *   router server's browser build nothing of supertokens-node.
 * - What `_app` loads of the kit (the pages router's client entry with the core, the SuperTokens
 *   adapter and the machine) fits its size budget (minified, gzipped, peer dependencies not counted).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';

/** Minified and gzipped bytes of what `_app` loads of the kit: the pages router's entry and the entries it imports. */
export const CLIENT_ENTRY_BUDGET_BYTES = 12_000;

const DIST = path.join(process.cwd(), 'dist');
const manifest = JSON.parse(readFileSync(path.join(DIST, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string> };
const peers = Object.keys(manifest.peerDependencies);

/**
 * The packages each built file may import (its own relative imports aside): the machine knows
 * only xstate; the core knows no router and no SDK; each adapter knows its router or its SDK; the
 * router adapters build on the core and the SuperTokens adapter; nothing imports the 0.3 entries.
 */
const ALLOWED_IMPORTS: Record<string, readonly string[]> = {
  'machine/index': ['xstate'],
  'core/index': ['ssr-session-flow/machine', 'react', 'xstate', '@xstate/react'],
  'supertokens/client/index': ['ssr-session-flow/machine', 'ssr-session-flow/core', 'supertokens-website', 'supertokens-auth-react'],
  'supertokens/server/index': ['ssr-session-flow/machine', 'supertokens-node', 'node:'],
  'pages-router/client/index': ['ssr-session-flow/machine', 'ssr-session-flow/core', 'ssr-session-flow/supertokens/client', 'ssr-session-flow/inspect', 'react', 'next'],
  'pages-router/server/index': ['ssr-session-flow/machine', 'ssr-session-flow/supertokens/server', 'next', 'supertokens-node'],
  'pages-router/server/browser': ['ssr-session-flow/machine'],
  'app-router/client/index': ['ssr-session-flow/machine', 'ssr-session-flow/core', 'ssr-session-flow/supertokens/client', 'ssr-session-flow/inspect', 'next', 'react'],
  // The boundary and the verdict report as client references: a server component renders them.
  'app-router/server/index': ['ssr-session-flow/machine', 'ssr-session-flow/supertokens/server', 'ssr-session-flow/app-router/client', 'next', 'react'],
  'testing/index': ['ssr-session-flow/machine', 'ssr-session-flow/core', 'ssr-session-flow/pages-router/client', 'ssr-session-flow/supertokens/client', 'xstate'],
  // Node only, for the app's browser tests: Playwright, and nothing of the kit or of the core.
  'testing/playwright/index': ['@playwright/test'],
  'inspect/index': ['ssr-session-flow/core', 'xstate', '@statelyai/inspect'],
  'client/index': ['ssr-session-flow/machine', 'ssr-session-flow/core', 'ssr-session-flow/pages-router/client', 'ssr-session-flow/supertokens/client', 'react'],
  'server/index': ['ssr-session-flow/machine', 'ssr-session-flow/pages-router/server', 'ssr-session-flow/supertokens/server', 'next'],
  'server/browser': ['ssr-session-flow/pages-router/server'],
};

/** Entries whose every export runs in the browser (a server component imports them as client references). */
const CLIENT_ENTRIES = ['core/index', 'pages-router/client/index', 'app-router/client/index', 'client/index'];

const problems: string[] = [];

for (const [entry, allowed] of Object.entries(ALLOWED_IMPORTS)) {
  for (const extension of ['mjs', 'js']) {
    const file = `${entry}.${extension}`;
    const code = readFileSync(path.join(DIST, file), 'utf8');
    for (const specifier of importedPackages(path.join(DIST, file))) {
      if (!allowed.some((prefix) => specifier === prefix || specifier.startsWith(`${prefix}/`) || (prefix.endsWith(':') && specifier.startsWith(prefix)))) {
        problems.push(`${file} imports ${specifier}, which that entry must not`);
      }
    }
    const directive = hasUseClientDirective(code);
    const isClient = CLIENT_ENTRIES.includes(entry);
    if (isClient && !directive) problems.push(`${file} lost its "use client" directive`);
    if (!isClient && directive) problems.push(`${file} has a "use client" directive it must not`);
  }
}

const clientBytes = minifiedGzippedClientEntry();
console.log(`pages-router client entry with what it imports of the kit: ${(clientBytes / 1000).toFixed(1)} kB min+gz (budget ${(CLIENT_ENTRY_BUDGET_BYTES / 1000).toFixed(1)} kB)`);
if (clientBytes > CLIENT_ENTRY_BUDGET_BYTES) problems.push(`the pages-router client entry is ${clientBytes} B min+gz, over its budget of ${CLIENT_ENTRY_BUDGET_BYTES} B`);

if (problems.length > 0) {
  console.error(`✗ package check:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('✓ package check: directives, import directions and size budget hold.');
}

/** The packages a built file imports or requires, as esbuild's own parser finds them. */
function importedPackages(file: string): string[] {
  const { metafile } = buildSync({
    entryPoints: [file],
    bundle: true,
    write: false,
    packages: 'external',
    platform: 'node',
    metafile: true,
    logLevel: 'silent',
  });
  // Only this file's own imports: esbuild follows the package's self-references into other entries.
  const own = metafile.inputs[path.relative(process.cwd(), file)];
  if (!own) throw new Error(`esbuild did not read ${file}`);
  const packages = own.imports.filter((found) => !found.path.startsWith('.') && !found.path.startsWith('dist/'));
  return [...new Set(packages.map((found) => found.original ?? found.path))];
}

function hasUseClientDirective(code: string): boolean {
  // The directive prologue: string-literal statements before any other code.
  for (const statement of code.split(/;\s*|\n/)) {
    const trimmed = statement.trim();
    if (trimmed === '') continue;
    if (/^["']use client["']$/.test(trimmed)) return true;
    if (!/^["'][^"']*["']$/.test(trimmed)) return false;
  }
  return false;
}

function minifiedGzippedClientEntry(): number {
  const result = buildSync({
    entryPoints: [path.join(DIST, 'pages-router/client/index.mjs')],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    alias: Object.fromEntries(
      ['machine', 'core', 'supertokens/client', 'inspect'].map((entry) => [`ssr-session-flow/${entry}`, path.join(DIST, `${entry}/index.mjs`)]),
    ),
    external: peers.flatMap((name) => [name, `${name}/*`]),
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced nothing for the client entry');
  return gzipSync(output.contents, { level: 9 }).length;
}
