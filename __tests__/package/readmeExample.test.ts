/** @jest-environment node */
import { readFileSync } from 'node:fs';
import { EXAMPLE_END, EXAMPLE_START, renderReadmeExample } from '../../scripts/readmeExample';

describe('the README’s "Add it to your app"', () => {
  it('shows the example app’s files exactly as the example builds them (run `npm run readme` after changing them)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf(EXAMPLE_START) + EXAMPLE_START.length;
    const end = readme.indexOf(EXAMPLE_END);
    expect(readme.slice(start, end).trim()).toBe(renderReadmeExample().trim());
  });
});
