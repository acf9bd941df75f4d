/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGRAM_END, DIAGRAM_START, renderReadmeDiagram, withReadmeDiagram } from '../../scripts/diagram/readmeDiagram';

const README = join(__dirname, '..', '..', 'README.md');

describe('the README diagram', () => {
  it('is exactly what `npm run readme` would write (run it after changing the machine)', () => {
    const readme = readFileSync(README, 'utf8');

    expect(blockOf(readme)).toBe(blockOf(withReadmeDiagram(readme)));
  });

  it('is detected as stale when the machine and the README disagree', () => {
    const current = withReadmeDiagram(`# app\n${DIAGRAM_START}\n${DIAGRAM_END}\n`);
    const stale = current.replace('checking --> stuck : [else]', 'checking --> stuck : [isOverBudget]');

    expect(withReadmeDiagram(stale)).not.toBe(stale);
    expect(withReadmeDiagram(stale)).toBe(current);
  });

  it('is written idempotently, leaving the rest of the README alone', () => {
    const readme = `# app\n\nbefore\n\n${DIAGRAM_START}\nold text\n${DIAGRAM_END}\n\nafter\n`;

    const once = withReadmeDiagram(readme);

    expect(withReadmeDiagram(once)).toBe(once);
    expect(once).toBe(`# app\n\nbefore\n\n${DIAGRAM_START}\n${renderReadmeDiagram()}\n${DIAGRAM_END}\n\nafter\n`);
  });

  it('refuses a README without both markers in order', () => {
    expect(() => withReadmeDiagram('# app\n')).toThrow(/session-flow-diagram:start/);
    expect(() => withReadmeDiagram(`${DIAGRAM_END}\n${DIAGRAM_START}\n`)).toThrow(/session-flow-diagram:end/);
  });

  it('lists every state’s description', () => {
    const block = renderReadmeDiagram();

    expect(block).toContain('```mermaid\nstateDiagram-v2\n');
    expect(block).toContain('| `reloading.hard` | The router could not re-run the props: reload the document as a fallback. |');
    expect(block).toContain('| `refreshing --refresh.failed [else]--> offline` | A network error or a 5xx says nothing');
  });
});

/** Only the generated part, so a failure shows the diagram lines that differ. */
function blockOf(readme: string): string {
  return readme.slice(readme.indexOf(DIAGRAM_START), readme.indexOf(DIAGRAM_END) + DIAGRAM_END.length);
}
