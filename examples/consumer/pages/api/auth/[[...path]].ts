import { createAuthApiRoute } from 'ssr-session-flow/pages-router/server';
import { initBackend } from '../../../supertokens/backend';

export default createAuthApiRoute(initBackend);
