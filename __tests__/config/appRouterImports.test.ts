import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The pages router (`next/router`: its router, route loader and path matching) was about 20 kB
// gzip of every App Router page's first load, brought in through the demo's shared config.
describe('what App Router pages import', () => {
  it('never reaches the pages router, through any of the demo’s own modules', () => {
    // The bench's SuperTokens recipe is a baseline, kept as the docs write it (auth-react and all).
    const pages = filesUnder(resolve('app')).filter((file) => !file.includes(join('bench-app-router', 'docs-recipe')));
    const reached = modulesReachedFrom(pages);
    // `import type` is erased from the bundle: only value imports load the module.
    const offenders = [...reached].filter((file) => /^import (?!type )[^;]*from '(next\/router|next\/app)'/m.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(process.cwd(), file))).toEqual([]);
  });
});

/** Every file of this repository reached by relative imports from `entries`. */
function modulesReachedFrom(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = resolveModule(join(dirname(file), specifier));
      if (target) pending.push(target);
    }
  }
  return seen;
}

function resolveModule(base: string): string | undefined {
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((candidate) => existsSync(candidate));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}
