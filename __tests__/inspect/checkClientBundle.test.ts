/**
 * @jest-environment node
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  findInspectorCode,
  firstLoadJs,
  INSPECTOR_MARKERS,
  markersMissingFromPackage,
} from '../../scripts/checkClientBundle';
import { firstLoadFiles, readBuildManifest } from '../../scripts/bundleAttribution';

const PACKAGE_DIR = join(process.cwd(), 'node_modules', '@statelyai', 'inspect');

describe('the client bundle check', () => {
  let distDir: string;
  beforeEach(() => {
    distDir = mkdtempSync(join(tmpdir(), 'bundle-check-'));
    mkdirSync(join(distDir, 'static', 'chunks'), { recursive: true });
  });
  afterEach(() => rmSync(distDir, { recursive: true, force: true }));

  it('looks for strings the installed @statelyai/inspect really contains', () => {
    expect(markersMissingFromPackage(PACKAGE_DIR)).toEqual([]);
  });

  it('finds the inspector in a chunk that bundled it, and nothing in a chunk that did not', () => {
    const inspectorSource = readFileSync(join(PACKAGE_DIR, 'dist', 'index.mjs'), 'utf8');
    writeChunk('with-inspector.js', `(()=>{${inspectorSource}})()`);
    writeChunk('app.js', 'console.log("sessionFlow", "@xstate.snapshot")');

    const found = findInspectorCode(join(distDir, 'static'));

    expect(found.map(({ file }) => file.replace(distDir, ''))).toEqual(['/static/chunks/with-inspector.js']);
    expect(found[0]?.markers).toEqual([...INSPECTOR_MARKERS]);
  });

  it('adds _app’s chunks to each page’s First Load JS, counting shared chunks once', () => {
    writeChunk('runtime.js', 'r'.repeat(2_000));
    writeChunk('app.js', 'a'.repeat(5_000));
    writeChunk('page.js', 'p'.repeat(3_000));
    writeManifest({
      pages: {
        '/_app': ['static/chunks/app.js', 'static/chunks/runtime.js'],
        '/': ['static/chunks/page.js', 'static/chunks/runtime.js'],
      },
    });

    expect(firstLoadJs(distDir)).toEqual([
      { page: '/', firstLoadBytes: gz('app.js') + gz('runtime.js') + gz('page.js'), ownBytes: gz('page.js') },
      { page: 'shared by all (_app)', firstLoadBytes: gz('app.js') + gz('runtime.js'), ownBytes: 0 },
    ]);
  });

  it('leaves out the App Router’s root files, which a pages-router page never loads', () => {
    // With an `app/` folder, Next lists the App Router's framework chunks as `rootMainFiles`; a
    // pages-router document's script tags are `_app`'s chunks and the page's own (checked in a real build).
    writeChunk('app-router-main.js', 'm'.repeat(4_000));
    writeChunk('app.js', 'a'.repeat(5_000));
    writeChunk('page.js', 'p'.repeat(3_000));
    writeManifest({
      rootMainFiles: ['static/chunks/app-router-main.js'],
      pages: { '/_app': ['static/chunks/app.js'], '/': ['static/chunks/page.js'] },
    });

    expect(firstLoadJs(distDir)[0]).toEqual({ page: '/', firstLoadBytes: gz('app.js') + gz('page.js'), ownBytes: gz('page.js') });
    expect(firstLoadFiles(readBuildManifest(distDir), '/')).toEqual(['static/chunks/app.js', 'static/chunks/page.js']);
  });

  function writeChunk(name: string, text: string) {
    writeFileSync(join(distDir, 'static', 'chunks', name), text);
  }

  function writeManifest(manifest: { pages: Record<string, string[]>; rootMainFiles?: string[] }) {
    writeFileSync(join(distDir, 'build-manifest.json'), JSON.stringify(manifest));
  }

  /** A chunk's size as the check measures it: gzip at level 9. */
  function gz(name: string) {
    return gzipSync(readFileSync(join(distDir, 'static', 'chunks', name)), { level: 9 }).length;
  }
});
