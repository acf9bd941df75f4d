import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A part of the README that shows files of examples/consumer, between its two markers. */
export interface ExampleBlock {
  marker: string;
  /** The files, in the order a reader wires them. */
  files: readonly string[];
}

export const EXAMPLE_BLOCKS: readonly ExampleBlock[] = [
  {
    marker: 'consumer-example',
    files: [
      'supertokens/appInfo.ts',
      'supertokens/backend.ts',
      'instrumentation.ts',
      'pages/api/auth/[[...path]].ts',
      'supertokens/frontend.ts',
      'pages/_app.tsx',
      'pages/auth/[[...path]].tsx',
      'pages/index.tsx',
    ],
  },
  {
    marker: 'consumer-app-router-example',
    files: [
      'next.config.ts',
      'app/layout.tsx',
      'app/SuperTokensInit.tsx',
      'app/(protected)/layout.tsx',
      'app/(protected)/dashboard/page.tsx',
      'app/SignOutButton.tsx',
    ],
  },
  {
    marker: 'consumer-browser-test-example',
    files: ['playwright.config.ts', 'e2e/session.spec.ts'],
  },
];

const startOf = (block: ExampleBlock) => `<!-- ${block.marker}:start -->`;
const endOf = (block: ExampleBlock) => `<!-- ${block.marker}:end -->`;

/** What goes between a block's markers: each example file, whole, as the example builds it. */
export function renderReadmeExample(block: ExampleBlock, root = process.cwd()): string {
  const sections = block.files.map((file) => {
    const source = readFileSync(path.join(root, 'examples', 'consumer', file), 'utf8').trimEnd();
    const language = file.endsWith('.tsx') ? 'tsx' : 'ts';
    return [`\`${file}\``, '', `\`\`\`${language}`, source, '```'].join('\n');
  });
  return sections.join('\n\n');
}

/** The README's text between a block's markers. */
export function readmeExampleText(readme: string, block: ExampleBlock): string {
  const start = readme.indexOf(startOf(block));
  const end = readme.indexOf(endOf(block));
  if (start === -1 || end === -1 || end < start) throw new Error(`README.md lacks the ${startOf(block)} … ${endOf(block)} markers`);
  return readme.slice(start + startOf(block).length, end);
}

export function withReadmeExample(readme: string, root = process.cwd()): string {
  return EXAMPLE_BLOCKS.reduce((text, block) => {
    readmeExampleText(text, block); // the markers are there
    const start = text.indexOf(startOf(block)) + startOf(block).length;
    return `${text.slice(0, start)}\n${renderReadmeExample(block, root)}\n${text.slice(text.indexOf(endOf(block)))}`;
  }, readme);
}
