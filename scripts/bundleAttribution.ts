/**
 * First Load JS of a pages-router page, and which packages it is made of.
 *
 * Next 16 prints no First Load JS: it is computed from `.next/build-manifest.json` (the page's
 * chunks plus `_app`'s), each chunk gzipped at level 9, the trailing
 * `sourceMappingURL` comment left out so a build with source maps weighs what one without does.
 *
 * Attribution needs source maps (`BUNDLE_SOURCE_MAPS=1 next build`): every generated character of
 * a chunk belongs to the source its mapping segment names, and a chunk's gzipped size is shared
 * among its sources in proportion to their characters. Gzip has no exact per-source split; the
 * shares add up to the measured total, which is what the budget checks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The part of it read here. Its `rootMainFiles` (listed once an `app/` folder exists) are the App
 * Router's framework chunks: a pages-router document loads `_app`'s chunks and the page's own.
 */
export interface BuildManifest {
  pages: Record<string, string[]>;
}

export interface ChunkText {
  /** The code, without the trailing `//# sourceMappingURL=` comment. */
  code: string;
  /** The chunk's source map file, when the build made one. */
  mapFile: string | null;
}

interface RawSourceMap {
  sources: string[];
  mappings: string;
}

export function readBuildManifest(distDir: string): BuildManifest {
  return JSON.parse(readFileSync(join(distDir, 'build-manifest.json'), 'utf8')) as BuildManifest;
}

/** The files a pages-router page loads before it is interactive: `_app`'s chunks and its own. */
export function firstLoadFiles(manifest: BuildManifest, page: string): string[] {
  return [...new Set([...(manifest.pages['/_app'] ?? []), ...(manifest.pages[page] ?? [])])];
}

const SOURCE_MAP_COMMENT = /\n*\/\/# sourceMappingURL=(\S+)\s*$/;

export function readChunk(distDir: string, file: string): ChunkText {
  const text = readFileSync(join(distDir, file), 'utf8');
  const mapName = SOURCE_MAP_COMMENT.exec(text)?.[1];
  const mapFile = mapName ? join(distDir, dirname(file), mapName) : null;
  return { code: text.replace(SOURCE_MAP_COMMENT, ''), mapFile: mapFile && existsSync(mapFile) ? mapFile : null };
}

export function gzippedBytes(code: string): number {
  return gzipSync(code, { level: 9 }).length;
}

/** Gzipped bytes of everything `page` loads first. */
export function firstLoadBytes(distDir: string, page: string, manifest = readBuildManifest(distDir)): number {
  return filesBytes(distDir, firstLoadFiles(manifest, page));
}

/** Gzipped bytes of `files` (paths relative to `distDir`, as the manifests list them). */
export function filesBytes(distDir: string, files: readonly string[]): number {
  return files.reduce((total, file) => total + gzippedBytes(readChunk(distDir, file).code), 0);
}

/**
 * Gzipped bytes per package (`react-dom`, `xstate`, …) of what `page` loads first. Code
 * outside node_modules is named by its top folder (`app: lib`, `app: pages`), Next's chunk runtime
 * `turbopack runtime`, and code no mapping covers `(unmapped)`. Without source maps a chunk counts
 * as `(no source map)`.
 */
export function attributeFirstLoad(distDir: string, page: string, manifest = readBuildManifest(distDir)): Map<string, number> {
  return attributeFiles(distDir, firstLoadFiles(manifest, page));
}

/** The same attribution for any list of chunks (an App Router page's, for one). */
export function attributeFiles(distDir: string, files: readonly string[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const file of files) {
    const chunk = readChunk(distDir, file);
    const gzipped = gzippedBytes(chunk.code);
    const characters = chunk.mapFile
      ? charactersPerOwner(chunk.code, JSON.parse(readFileSync(chunk.mapFile, 'utf8')) as RawSourceMap)
      : new Map([['(no source map)', chunk.code.length]]);
    const all = [...characters.values()].reduce((sum, count) => sum + count, 0) || 1;
    for (const [owner, count] of characters) totals.set(owner, (totals.get(owner) ?? 0) + (gzipped * count) / all);
  }
  return new Map([...totals].sort((a, b) => b[1] - a[1]));
}

/** The package (or app folder) a source path of a Turbopack source map belongs to. */
export function ownerOfSource(source: string): string {
  const at = source.lastIndexOf('node_modules/');
  if (at >= 0) {
    const [scope = '', name = ''] = source.slice(at + 'node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const local = source.replace(/^turbopack:\/\/\/\[project\]\//, '');
  if (local === source) return 'turbopack runtime';
  return `app: ${local.split('/')[0]}`;
}

/** Characters of `code` per owner, walking the mapping segments of each generated line. */
export function charactersPerOwner(code: string, map: RawSourceMap): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (owner: string, count: number) => {
    if (count > 0) counts.set(owner, (counts.get(owner) ?? 0) + count);
  };
  const owners = map.sources.map(ownerOfSource);
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  let sourceIndex = 0;
  lines.forEach((line, index) => {
    add('(unmapped)', 1); // the line break
    let column = 0;
    let start = 0;
    let owner = '(unmapped)';
    for (const segment of (mappingLines[index] ?? '').split(',')) {
      if (!segment) continue;
      const fields = decodeVlq(segment);
      column += fields[0] ?? 0;
      add(owner, column - start);
      start = column;
      if (fields.length > 1) {
        sourceIndex += fields[1] ?? 0;
        owner = owners[sourceIndex] ?? '(unmapped)';
      } else {
        owner = '(unmapped)';
      }
    }
    add(owner, line.length - start);
  });
  return counts;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One mapping segment's fields (source map v3: base64 VLQ, sign in the lowest bit). */
export function decodeVlq(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`not a base64 VLQ digit: ${char}`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
    value = 0;
    shift = 0;
  }
  return fields;
}
