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
    const paths = Object.fromEntries(
      Object.entries(tsconfig.compilerOptions.paths)
        .filter(([name]) => name.startsWith('ssr-session-flow/'))
        .map(([name, [target]]) => [name, target]),
    );
    expect(paths).toEqual(Object.fromEntries(names.map((name) => [name, kitEntries[name]?.source])));
  });

  it('are each built from that source, with a browser build where the manifest names one', () => {
    const manifest = JSON.parse(readFileSync('package/package.json', 'utf8')) as { exports: Record<string, { browser?: unknown }> };
    for (const name of names) {
      const folder = name.slice('ssr-session-flow/'.length);
      const { source, browser } = kitEntries[name] ?? { source: '' };
      expect(ENTRIES).toContainEqual({ out: `${folder}/index`, source: source.slice(2) });
      if (!browser) continue;
      expect(JSON.stringify(manifest.exports[`./${folder}`]?.browser)).toContain(`./${folder}/browser.`);
      expect(ENTRIES).toContainEqual({ out: `${folder}/browser`, source: browser.slice(2) });
    }
  });

  it('give a browser bundle the ESM build of every entry browser code reaches, however it is reached', () => {
    // A server component's import of a client entry resolves under the `node` condition (CommonJS)
    // and becomes the client reference; the browser must still get one copy of each module, or the
    // flow's state (the channel to other tabs) is made twice: so `browser` comes first, ESM.
    const manifest = JSON.parse(readFileSync('package/package.json', 'utf8')) as { exports: Record<string, Record<string, unknown>> };
    for (const folder of ['machine', 'core', 'supertokens/client', 'pages-router/client', 'app-router/client', 'inspect']) {
      const conditions = manifest.exports[`./${folder}`] ?? {};
      expect(Object.keys(conditions)[0]).toBe('browser');
      expect(conditions.browser).toEqual({ types: `./${folder}/index.d.mts`, default: `./${folder}/index.mjs` });
    }
  });
});
