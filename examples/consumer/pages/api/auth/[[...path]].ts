import { createAuthApiRoute } from 'ssr-session-flow/server';
import { initBackend } from '../../../supertokens/backend';

export default createAuthApiRoute(initBackend);
