/**
 * Run after `next build`. Fails when any client chunk carries `@statelyai/inspect` code (the
 * inspector is development-only) or supertokens-node code (server only: a page that imports
 * `ssr-session-flow/pages-router/server` for getInitialProps must get its browser build), or when a page other
 * than the sign-in page loads more than FIRST_LOAD_BUDGET_KB of JavaScript over a bare Next.js
 * pages-router app (bench/fixtures/bare-pages-app, built here when its build is missing). Prints
 * each page's First Load JS, which Next 16 no longer prints (see scripts/bundleAttribution.ts), and
 * which packages make up a protected page's when the build has source maps (BUNDLE_SOURCE_MAPS=1).
 *
 *   npm run check:bundle [-- <distDir>]        (default: .next)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { attributeFirstLoad, firstLoadBytes, firstLoadFiles, gzippedBytes, readBuildManifest, readChunk } from './bundleAttribution';

/**
 * What a page may load over the bare app: SuperTokens' Session recipe, the session-flow machine
 * and its runtime, the app's own code. The prebuilt sign-in UI loads on the sign-in page only.
 * docs/decisions/014 has the figures this was set from.
 */
export const FIRST_LOAD_BUDGET_KB = 45;
export const BARE_APP_DIR = join('bench', 'fixtures', 'bare-pages-app');
export const BARE_APP_PAGE = '/';
/** The page the budget is reported for; every page but these is held to it. */
export const PROTECTED_PAGE = '/account';
export const SIGN_IN_PAGE = '/auth/[[...path]]';
const UNBUDGETED_PAGES = [SIGN_IN_PAGE, '/bench/'];

/**
 * Strings only @statelyai/inspect contains, and that survive minification (message types, the
 * inspector window's name, its error texts). None appears in xstate or any other installed package.
 */
export const INSPECTOR_MARKERS = [
  '@statelyai.connected',
  '@statelyai.disconnected',
  'xstateinspector',
  'Window does not exist; inspector cannot be started',
  'Unhandled inspection event type',
] as const;

/** A string only supertokens-node contains (its core client's error), and that minifiers keep. */
export const SERVER_SDK_MARKERS = ['No SuperTokens core available to query'] as const;

export interface MarkedFile {
  file: string;
  markers: string[];
}

export interface PageWeight {
  page: string;
  /** Gzipped bytes of every chunk the page loads first, `_app`'s included. */
  firstLoadBytes: number;
  /** Gzipped bytes of the chunks `_app` does not already bring. */
  ownBytes: number;
}

export function markersIn(text: string, markers: readonly string[] = INSPECTOR_MARKERS): string[] {
  return markers.filter((marker) => text.includes(marker));
}

/** Files under `dir` (recursively) whose contents carry any of `markers` (inspector ones by default). */
export function findInspectorCode(dir: string, markers: readonly string[] = INSPECTOR_MARKERS, extensions = ['.js', '.mjs']): MarkedFile[] {
  return listFiles(dir)
    .filter((file) => extensions.some((extension) => file.endsWith(extension)))
    .map((file) => ({ file, markers: markersIn(readFileSync(file, 'utf8'), markers) }))
    .filter((found) => found.markers.length > 0);
}

/** Markers the installed package (its files under `subdir`) does not contain: the check would be blind to them. */
export function markersMissingFromPackage(packageDir: string, markers: readonly string[] = INSPECTOR_MARKERS, subdir = 'dist'): string[] {
  const text = listFiles(join(packageDir, subdir))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  return markers.filter((marker) => !text.includes(marker));
}

export function firstLoadJs(distDir: string): PageWeight[] {
  const manifest = readBuildManifest(distDir);
  const gzipped = new Map<string, number>();
  const sizeOf = (files: Iterable<string>) => {
    let total = 0;
    for (const file of files) {
      if (!gzipped.has(file)) gzipped.set(file, gzippedBytes(readChunk(distDir, file).code));
      total += gzipped.get(file) ?? 0;
    }
    return total;
  };
  const shared = new Set(firstLoadFiles(manifest, '/_app'));
  return Object.entries(manifest.pages)
    .filter(([page]) => page !== '/_app')
    .map(([page, files]) => ({
      page,
      firstLoadBytes: sizeOf(new Set([...shared, ...files])),
      ownBytes: sizeOf(new Set(files.filter((file) => !shared.has(file)))),
    }))
    .concat({ page: 'shared by all (_app)', firstLoadBytes: sizeOf(shared), ownBytes: 0 });
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
  });
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Pages over the bare app's first load plus the budget, with what they load. */
export function pagesOverBudget(weights: PageWeight[], bareBytes: number, budgetKb = FIRST_LOAD_BUDGET_KB): PageWeight[] {
  const limit = bareBytes + budgetKb * 1000;
  return weights.filter(({ page, firstLoadBytes }) => page.startsWith('/') && !UNBUDGETED_PAGES.some((p) => page.startsWith(p)) && firstLoadBytes > limit);
}

/** The bare app's build, made now when missing (a few seconds: one page, no dependencies of ours). */
function bareAppBuild(): string {
  const distDir = join(BARE_APP_DIR, '.next');
  if (existsSync(join(distDir, 'build-manifest.json'))) return distDir;
  console.log(`Building the bare app (${BARE_APP_DIR}) to compare with …`);
  const build = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build', BARE_APP_DIR], {
    env: { ...process.env, NEXT_DIST_DIR: '.next', NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`next build ${BARE_APP_DIR} failed:\n${build.stdout}\n${build.stderr}`);
  return distDir;
}

function printAttribution(distDir: string, bareDir: string): void {
  const ours = attributeFirstLoad(distDir, PROTECTED_PAGE);
  if (ours.has('(no source map)')) {
    console.log('  (build with BUNDLE_SOURCE_MAPS=1 to see which packages make up that figure)');
    return;
  }
  const bare = attributeFirstLoad(bareDir, BARE_APP_PAGE);
  const bareOf = (owner: string) => (bare.has('(no source map)') ? '' : kB(bare.get(owner) ?? 0));
  console.log(`\n  ${PROTECTED_PAGE} by package (gzip)   ${'here'.padStart(9)}  ${'bare app'.padStart(9)}`);
  for (const [owner, bytes] of ours) {
    if (bytes < 100 && (bare.get(owner) ?? 0) < 100) continue;
    console.log(`    ${owner.padEnd(30)}  ${kB(bytes).padStart(9)}  ${bareOf(owner).padStart(9)}`);
  }
}

function main(distDir: string): number {
  const staticDir = join(distDir, 'static');
  if (!existsSync(join(distDir, 'build-manifest.json')) || !existsSync(staticDir)) {
    console.error(`check:bundle: no build in ${distDir}/. Run \`next build\` first.`);
    return 1;
  }
  const blind = [
    ...markersMissingFromPackage(join('node_modules', '@statelyai', 'inspect')),
    ...markersMissingFromPackage(join('node_modules', 'supertokens-node'), SERVER_SDK_MARKERS, 'lib'),
  ];
  if (blind.length > 0) {
    console.error(
      `check:bundle: the installed packages no longer contain ${blind.map((m) => `"${m}"`).join(', ')}; ` +
        'update the markers in scripts/checkClientBundle.ts, or this check cannot see the package.',
    );
    return 1;
  }

  const chunks = listFiles(staticDir).filter((file) => file.endsWith('.js'));
  const marked = findInspectorCode(staticDir);
  let failed = false;
  if (marked.length > 0) {
    failed = true;
    console.error('✗ @statelyai/inspect code found in client chunks (the inspector must be development-only):');
    for (const { file, markers } of marked) console.error(`    ${relative(distDir, file)}: ${markers.join(', ')}`);
    console.error('  Keep its `import()` inside `if (process.env.NODE_ENV !== "production")` (lib/inspect).');
  } else {
    const markers = `${INSPECTOR_MARKERS.length} markers`;
    console.log(`✓ No @statelyai/inspect code in ${chunks.length} client chunks (${markers}).`);
  }

  const serverCode = findInspectorCode(staticDir, SERVER_SDK_MARKERS);
  if (serverCode.length > 0) {
    failed = true;
    console.error('✗ supertokens-node code found in client chunks (it is server only):');
    for (const { file } of serverCode) console.error(`    ${relative(distDir, file)}`);
    console.error('  Import `ssr-session-flow/pages-router/server` only where its "browser" build is resolved for the browser.');
  } else {
    console.log(`✓ No supertokens-node code in ${chunks.length} client chunks.`);
  }

  console.log('\nFirst Load JS (gzip)');
  const weights = firstLoadJs(distDir);
  const width = Math.max(...weights.map((weight) => weight.page.length));
  console.log(`  ${'page'.padEnd(width)}  ${'first load'.padStart(10)}  ${'own'.padStart(9)}`);
  for (const { page, firstLoadBytes, ownBytes } of weights) {
    console.log(`  ${page.padEnd(width)}  ${kB(firstLoadBytes).padStart(10)}  ${kB(ownBytes).padStart(9)}`);
  }

  const bareDir = bareAppBuild();
  const bareBytes = firstLoadBytes(bareDir, BARE_APP_PAGE);
  const budget = `bare Next.js pages-router app ${kB(bareBytes)} + ${FIRST_LOAD_BUDGET_KB} kB = ${kB(bareBytes + FIRST_LOAD_BUDGET_KB * 1000)}`;
  const over = pagesOverBudget(weights, bareBytes);
  if (over.length > 0) {
    failed = true;
    console.error(`\n✗ First Load JS over its budget (${budget}):`);
    for (const { page, firstLoadBytes } of over) console.error(`    ${page}: ${kB(firstLoadBytes)}`);
    console.error('  Load what only some pages need where they need it (the prebuilt UI is on the sign-in page only).');
  } else {
    console.log(`\n✓ Every page but the sign-in page within its First Load JS budget (${budget}).`);
  }
  printAttribution(distDir, bareDir);
  return failed ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv[2] ?? '.next');
