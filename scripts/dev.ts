import { launchWithCore } from './launchWithCore';

// `npm run dev`: embedded core (unless SUPERTOKENS_CONNECTION_URI is set) + `next dev`.
void launchWithCore('dev', process.argv.slice(2));
