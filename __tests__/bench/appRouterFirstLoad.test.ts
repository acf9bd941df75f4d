/**
 * @jest-environment node
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRouterFirstLoadFiles } from '../../bench/appRouterFirstLoad';

describe('an App Router page’s first-load chunks', () => {
  let distDir: string;
  beforeEach(() => {
    distDir = mkdtempSync(join(tmpdir(), 'app-router-first-load-'));
  });
  afterEach(() => rmSync(distDir, { recursive: true, force: true }));

  it('are the framework’s root chunks and every segment’s entry chunks, each once', () => {
    writeBuild({
      rootMainFiles: ['static/chunks/framework.js', 'static/chunks/main.js'],
      entryJSFiles: {
        '[project]/app/layout': ['static/chunks/layout.js'],
        '[project]/app/app-router/(protected)/layout': ['static/chunks/layout.js', 'static/chunks/boundary.js'],
        '[project]/app/app-router/(protected)/account/page': ['static/chunks/layout.js', 'static/chunks/boundary.js', 'static/chunks/page.js'],
      },
    });
    expect(appRouterFirstLoadFiles(distDir, '/app-router/(protected)/account/page')).toEqual([
      'static/chunks/framework.js',
      'static/chunks/main.js',
      'static/chunks/layout.js',
      'static/chunks/boundary.js',
      'static/chunks/page.js',
    ]);
  });

  it('refuses a manifest without entry chunks rather than count the framework alone', () => {
    writeBuild({ rootMainFiles: ['static/chunks/framework.js'] });
    expect(() => appRouterFirstLoadFiles(distDir, '/app-router/(protected)/account/page')).toThrow('lists no entryJSFiles');
  });

  function writeBuild({ rootMainFiles, entryJSFiles }: { rootMainFiles: string[]; entryJSFiles?: Record<string, string[]> }) {
    const route = '/app-router/(protected)/account/page';
    const dir = join(distDir, 'server', 'app', 'app-router', '(protected)', 'account');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(distDir, 'build-manifest.json'), JSON.stringify({ pages: {}, rootMainFiles }));
    const manifest = JSON.stringify({ moduleLoading: { prefix: '' }, clientModules: {}, ...(entryJSFiles ? { entryJSFiles } : {}) });
    writeFileSync(
      join(dir, 'page_client-reference-manifest.js'),
      `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(route)}] = ${manifest};\n`,
    );
  }
});
