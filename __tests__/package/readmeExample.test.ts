/** @jest-environment node */
import { readFileSync } from 'node:fs';
import { EXAMPLE_BLOCKS, readmeExampleText, renderReadmeExample } from '../../scripts/readmeExample';

describe('the README’s example app', () => {
  it.each(EXAMPLE_BLOCKS.map((block) => [block.marker, block] as const))(
    'shows the files of %s exactly as examples/consumer builds them (run `npm run readme` after changing them)',
    (_marker, block) => {
      const readme = readFileSync('README.md', 'utf8');
      expect(readmeExampleText(readme, block).trim()).toBe(renderReadmeExample(block).trim());
    },
  );
});
