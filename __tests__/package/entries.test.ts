/** @jest-environment node */
import { readFileSync } from 'node:fs';
import kitEntries from '../../scripts/kitEntries.cjs';

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

  it('are each built from that source', () => {
    const build = readFileSync('package/tsup.config.ts', 'utf8');
    for (const name of names) {
      const source = kitEntries[name]?.source.slice(2) ?? '';
      expect(build).toContain(`source: '${source}'`);
      const browser = kitEntries[name]?.browser;
      if (browser) expect(build).toContain(`source: '${browser.slice(2)}'`);
    }
  });
});
