/**
 * Writes the parts of README.md that come from the code: the session-flow state diagram (between
 * the `session-flow-diagram` markers) and the example app's files (between the `consumer-example`
 * markers). Idempotent. Tests fail when the README differs from what this would write
 * (`__tests__/diagram/readmeDiagram.test.ts`, `__tests__/package/readmeExample.test.ts`).
 *
 *   npm run readme
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withReadmeDiagram } from './diagram/readmeDiagram';
import { withReadmeExample } from './readmeExample';

const readmePath = join(process.cwd(), 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const updated = withReadmeExample(withReadmeDiagram(readme));

if (updated === readme) {
  console.log('README.md: the diagram and the example are up to date.');
} else {
  writeFileSync(readmePath, updated);
  console.log('README.md: wrote the diagram and the example.');
}
