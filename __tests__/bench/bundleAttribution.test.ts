/**
 * @jest-environment node
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attributeFirstLoad, charactersPerOwner, decodeVlq, firstLoadBytes, gzippedBytes, ownerOfSource } from '../../scripts/bundleAttribution';
import { pagesOverBudget } from '../../scripts/checkClientBundle';

describe('first-load JavaScript, attributed to packages', () => {
  it('decodes source map VLQ fields (sign in the lowest bit, 5 bits a digit)', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('C')).toEqual([1]);
    expect(decodeVlq('D')).toEqual([-1]);
    expect(decodeVlq('gB')).toEqual([16]);
    expect(decodeVlq('IAAM')).toEqual([4, 0, 0, 6]);
    expect(() => decodeVlq('*')).toThrow('not a base64 VLQ digit');
  });

  it.each([
    ['turbopack:///[project]/node_modules/react-dom/cjs/react-dom.production.js', 'react-dom'],
    ['turbopack:///[project]/node_modules/@xstate/react/dist/xstate-react.esm.js', '@xstate/react'],
    ['turbopack:///[project]/node_modules/next/node_modules/x/index.js', 'x'],
    ['turbopack:///[project]/lib/client/sessionRefresh.ts', 'app: lib'],
    ['turbopack:///[turbopack]/browser/runtime.ts', 'turbopack runtime'],
  ])('names %s after %s', (source, owner) => {
    expect(ownerOfSource(source)).toBe(owner);
  });

  it('gives each generated character to the source its mapping segment names', () => {
    const map = {
      sources: ['turbopack:///[project]/node_modules/react-dom/a.js', 'turbopack:///[project]/lib/client/b.ts'],
      // line 1: column 0 → source 0, column 3 → source 1; line 2: no mapping
      mappings: 'AAAA,GCAA;',
    };
    const counts = charactersPerOwner('abcdef\nxy', map);
    expect(Object.fromEntries(counts)).toEqual({ 'react-dom': 3, 'app: lib': 3, '(unmapped)': 4 });
  });

  describe('from a build', () => {
    let distDir: string;
    beforeEach(() => {
      distDir = mkdtempSync(join(tmpdir(), 'attribution-'));
      mkdirSync(join(distDir, 'static', 'chunks'), { recursive: true });
    });
    afterEach(() => rmSync(distDir, { recursive: true, force: true }));

    it('weighs a chunk the same with or without its source map comment, and shares its gzip among its sources', () => {
      const code = `${'a'.repeat(400)}${'b'.repeat(600)}`;
      writeFileSync(join(distDir, 'static', 'chunks', 'app.js'), `${code}\n//# sourceMappingURL=app.js.map`);
      writeFileSync(
        join(distDir, 'static', 'chunks', 'app.js.map'),
        JSON.stringify({
          version: 3,
          sources: ['turbopack:///[project]/node_modules/react/index.js', 'turbopack:///[project]/pages/_app.tsx'],
          mappings: 'AAAA,gZCAA', // column 400 → source 1
        }),
      );
      writeFileSync(join(distDir, 'static', 'chunks', 'page.js'), 'p'.repeat(100));
      writeFileSync(
        join(distDir, 'build-manifest.json'),
        JSON.stringify({ pages: { '/_app': ['static/chunks/app.js'], '/': ['static/chunks/page.js'] } }),
      );

      const total = firstLoadBytes(distDir, '/');
      expect(total).toBe(gzippedBytes(code) + gzippedBytes('p'.repeat(100)));
      const shares = attributeFirstLoad(distDir, '/');
      expect([...shares.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
      expect(shares.get('react')! / shares.get('app: pages')!).toBeCloseTo(400 / 600, 6);
      expect(shares.get('(no source map)')).toBeCloseTo(gzippedBytes('p'.repeat(100)), 6);
    });
  });

  it('holds every page but the sign-in and bench pages to the bare app plus the budget', () => {
    const weights = [
      { page: '/', firstLoadBytes: 160_000, ownBytes: 0 },
      { page: '/account', firstLoadBytes: 161_500, ownBytes: 0 },
      { page: '/auth/[[...path]]', firstLoadBytes: 220_000, ownBytes: 0 },
      { page: '/bench/docs-recipe', firstLoadBytes: 200_000, ownBytes: 0 },
      { page: 'shared by all (_app)', firstLoadBytes: 170_000, ownBytes: 0 },
    ];
    expect(pagesOverBudget(weights, 116_000, 45).map((w) => w.page)).toEqual(['/account']);
  });
});
