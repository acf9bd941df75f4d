/** @jest-environment node */
import { readFileSync } from 'node:fs';
import kitEntries from '../../scripts/kitEntries.cjs';
import { ENTRIES } from '../../package/tsup.config';

/**
 * The kit's entry points are listed in four places that must agree: the published manifest
 * (package/package.json), the build (package/tsup.config.ts), the resolution for the demo and the
 * tests (scripts/kitEntries.cjs), and the type-checker's paths (tsconfig.json).
 */
describe('the kit’s entry points', () => {
  const names = Object.keys(kitEntries).sort();

  it('are the ones the published manifest exports', () => {
    const manifest = JSON.parse(readFileSync('package/package.json', 'utf8')) as { exports: Record<string, unknown> };
    const exported = Object.keys(manifest.exports)
      .filter((key) => key !== './package.json')
      .map((key) => `ssr-session-flow/${key.slice(2)}`);
    expect(exported.sort()).toEqual(names);
  });

  it('resolve to the same source for the type-checker as for Next and Jest', () => {
    const tsconfig = JSON.parse(readFileSync('tsconfig.json', 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
    const paths = Object.fromEntries(Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => [name, target]));
    expect(paths).toEqual(Object.fromEntries(names.map((name) => [name, kitEntries[name]?.source])));
  });

  it('are each built from that source, with a browser build where the manifest names one', () => {
    const manifest = JSON.parse(readFileSync('package/package.json', 'utf8')) as { exports: Record<string, { browser?: unknown }> };
    for (const name of names) {
      const folder = name.slice('ssr-session-flow/'.length);
      const { source, browser } = kitEntries[name] ?? { source: '' };
      expect(ENTRIES).toContainEqual({ out: `${folder}/index`, source: source.slice(2) });
      expect(Boolean(manifest.exports[`./${folder}`]?.browser)).toBe(browser !== undefined);
      if (browser) expect(ENTRIES).toContainEqual({ out: `${folder}/browser`, source: browser.slice(2) });
    }
  });
});
