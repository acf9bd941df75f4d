import { MATRIX_CELLS } from '../consumers/consumerCells';
import { describeConsumerOpenRedirect, describeConsumerRecovery } from '../consumers/consumerSpecs';

/**
 * Every cell of the compatibility matrix passes what the example passes: recovery in each router
 * and with each bundler it has, sign-out, and no way off the site through `redirectToPath` (with
 * the cell's own supertokens-auth-react, whose redirect rules differ between versions).
 */
for (const cell of MATRIX_CELLS) {
  for (const build of cell.builds) describeConsumerRecovery(cell, build);
  const [first] = cell.builds;
  if (first) describeConsumerOpenRedirect(cell, first);
}
