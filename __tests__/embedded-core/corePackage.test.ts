/** @jest-environment node */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

describe('the embedded core’s package', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'embedded-core/package.json'), 'utf8')) as {
    name: string;
    bin: Record<string, string>;
    dependencies?: Record<string, string>;
  };

  it('is what the repository imports by its name, for the type-checker as for Jest', () => {
    const tsconfig = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };

    expect(tsconfig.compilerOptions.paths[manifest.name]).toEqual(['./embedded-core/index.ts']);
    expect(require.resolve('ssr-session-flow-embedded-core')).toBe(path.join(ROOT, 'embedded-core/index.ts'));
  });

  it('has a bin of its own name and no dependency (jose is bundled into its build)', () => {
    expect(manifest.bin).toEqual({ [manifest.name]: 'dist/cli.js' });
    expect(manifest.dependencies).toBeUndefined();
  });
});
