/**
 * Run after `next build`. Fails when any client chunk carries `@statelyai/inspect` code (the
 * inspector is development-only), and prints each page's First Load JS, which Next 16 no longer
 * prints: the page's chunks plus `_app`'s from `.next/build-manifest.json`, gzipped.
 *
 *   npm run check:bundle [-- <distDir>]        (default: .next)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

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

export function markersIn(text: string): string[] {
  return INSPECTOR_MARKERS.filter((marker) => text.includes(marker));
}

/** Files under `dir` (recursively) whose contents carry inspector markers. */
export function findInspectorCode(dir: string, extensions = ['.js', '.mjs']): MarkedFile[] {
  return listFiles(dir)
    .filter((file) => extensions.some((extension) => file.endsWith(extension)))
    .map((file) => ({ file, markers: markersIn(readFileSync(file, 'utf8')) }))
    .filter((found) => found.markers.length > 0);
}

/** Markers the installed package does not contain: the check would be blind to them. */
export function markersMissingFromPackage(packageDir: string): string[] {
  const text = listFiles(join(packageDir, 'dist'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  return INSPECTOR_MARKERS.filter((marker) => !text.includes(marker));
}

export function firstLoadJs(distDir: string): PageWeight[] {
  const manifest = JSON.parse(readFileSync(join(distDir, 'build-manifest.json'), 'utf8')) as {
    pages: Record<string, string[]>;
    rootMainFiles?: string[];
  };
  const gzipped = new Map<string, number>();
  const sizeOf = (files: Iterable<string>) => {
    let total = 0;
    for (const file of files) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length);
      total += gzipped.get(file) ?? 0;
    }
    return total;
  };
  const shared = new Set([...(manifest.rootMainFiles ?? []), ...(manifest.pages['/_app'] ?? [])]);
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

function main(distDir: string): number {
  const staticDir = join(distDir, 'static');
  if (!existsSync(join(distDir, 'build-manifest.json')) || !existsSync(staticDir)) {
    console.error(`check:bundle: no build in ${distDir}/. Run \`next build\` first.`);
    return 1;
  }
  const blind = markersMissingFromPackage(join('node_modules', '@statelyai', 'inspect'));
  if (blind.length > 0) {
    console.error(
      `check:bundle: @statelyai/inspect no longer contains ${blind.map((m) => `"${m}"`).join(', ')}; ` +
        'update INSPECTOR_MARKERS in scripts/checkClientBundle.ts, or this check cannot see the package.',
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

  console.log('\nFirst Load JS (gzip)');
  const weights = firstLoadJs(distDir);
  const width = Math.max(...weights.map((weight) => weight.page.length));
  console.log(`  ${'page'.padEnd(width)}  ${'first load'.padStart(10)}  ${'own'.padStart(9)}`);
  for (const { page, firstLoadBytes, ownBytes } of weights) {
    console.log(`  ${page.padEnd(width)}  ${kB(firstLoadBytes).padStart(10)}  ${kB(ownBytes).padStart(9)}`);
  }
  return failed ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv[2] ?? '.next');
