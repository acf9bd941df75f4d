/**
 * Writes the session-flow state diagram into README.md, between the
 * `<!-- session-flow-diagram:start -->` and `<!-- session-flow-diagram:end -->` markers.
 * Idempotent: a second run changes nothing. `__tests__/diagram/readmeDiagram.test.ts` fails when
 * the README's diagram differs from what this would write.
 *
 *   npm run diagram
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withReadmeDiagram } from './diagram/readmeDiagram';

const readmePath = join(__dirname, '..', 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const updated = withReadmeDiagram(readme);

if (updated === readme) {
  console.log('README.md: the session-flow diagram is up to date.');
} else {
  writeFileSync(readmePath, updated);
  console.log('README.md: wrote the session-flow diagram.');
}
