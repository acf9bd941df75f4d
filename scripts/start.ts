import { launchWithCore } from './launchWithCore';

// `npm start`: embedded core (unless SUPERTOKENS_CONNECTION_URI is set) + `next start` (after `next build`).
void launchWithCore('start', process.argv.slice(2));
