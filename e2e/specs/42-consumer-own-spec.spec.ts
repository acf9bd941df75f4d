import { EXAMPLE_CELL } from '../consumers/consumerCells';
import { runOwnSpec } from '../consumers/consumerOwnSpec';
import { expect, test } from '../support/fixtures';

const [TURBOPACK_BUILD] = EXAMPLE_CELL.builds;
/** Three specs of a few seconds each, plus the core's and Next's start: generous for a busy machine. */
const OWN_SPEC_TIMEOUT_MS = 150_000;

/**
 * examples/consumer's own browser spec (examples/consumer/e2e/session.spec.ts), written with the
 * kit's Playwright fixtures and run by its own playwright.config.ts against the embedded core it
 * installed from its tarball: what a team that installs both packages gets. It runs on the
 * Turbopack build spec 40 serves (e2e/prepare.ts made it), with no Docker, no Java, no network.
 */
test('examples/consumer passes its own spec: expiry → recovery, refresh 503 → retry → content, sign-out elsewhere → sign-in', async () => {
  test.setTimeout(OWN_SPEC_TIMEOUT_MS + 10_000);
  if (!TURBOPACK_BUILD) throw new Error('examples/consumer has no build');

  const run = await runOwnSpec(EXAMPLE_CELL, TURBOPACK_BUILD, OWN_SPEC_TIMEOUT_MS);

  expect(run.exitCode, run.output).toBe(0);
  expect(run.output).toMatch(/\b3 passed\b/);
});
