import { readFileSync } from 'node:fs';
import path from 'node:path';

export const EXAMPLE_START = '<!-- consumer-example:start -->';
export const EXAMPLE_END = '<!-- consumer-example:end -->';

/** The files of examples/consumer the README shows, in the order a reader wires them. */
export const EXAMPLE_FILES = [
  'supertokens/appInfo.ts',
  'supertokens/backend.ts',
  'instrumentation.ts',
  'pages/api/auth/[[...path]].ts',
  'supertokens/frontend.ts',
  'pages/_app.tsx',
  'pages/auth/[[...path]].tsx',
  'pages/index.tsx',
] as const;

/** What goes between the README markers: each example file, whole, as the example builds it. */
export function renderReadmeExample(root = process.cwd()): string {
  const blocks = EXAMPLE_FILES.map((file) => {
    const source = readFileSync(path.join(root, 'examples', 'consumer', file), 'utf8').trimEnd();
    const language = file.endsWith('.tsx') ? 'tsx' : 'ts';
    return [`\`${file}\``, '', `\`\`\`${language}`, source, '```'].join('\n');
  });
  return blocks.join('\n\n');
}

export function withReadmeExample(readme: string, root = process.cwd()): string {
  const start = readme.indexOf(EXAMPLE_START);
  const end = readme.indexOf(EXAMPLE_END);
  if (start === -1 || end === -1 || end < start) throw new Error(`README.md lacks the ${EXAMPLE_START} … ${EXAMPLE_END} markers`);
  return `${readme.slice(0, start + EXAMPLE_START.length)}\n${renderReadmeExample(root)}\n${readme.slice(end)}`;
}
