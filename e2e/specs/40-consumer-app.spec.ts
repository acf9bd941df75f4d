import { EXAMPLE_CELL } from '../consumers/consumerCells';
import { describeConsumerRecovery } from '../consumers/consumerSpecs';

/**
 * examples/consumer: a stranger's app, with the kit installed from its packed tarball and wired in
 * the fewest lines we know (the README's "Add it to your app" shows these very files), built with
 * Turbopack and with webpack. Installed and built before the specs run (e2e/prepare.ts).
 */
for (const build of EXAMPLE_CELL.builds) describeConsumerRecovery(EXAMPLE_CELL, build);
