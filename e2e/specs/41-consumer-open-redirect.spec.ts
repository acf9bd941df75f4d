import { EXAMPLE_CELL } from '../consumers/consumerCells';
import { describeConsumerOpenRedirect } from '../consumers/consumerSpecs';

/**
 * The README's set-up is safe as copied: a link to `/auth?redirectToPath=<elsewhere>` never takes
 * the user off the site once they sign in (the kit's `authReactConfig`, nothing the demo adds).
 */
const [build] = EXAMPLE_CELL.builds;
if (build) describeConsumerOpenRedirect(EXAMPLE_CELL, build);
