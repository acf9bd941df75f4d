import { ensureSuperTokensInit } from '../../../config/backendConfig';
import { createAuthApiRoute } from 'ssr-session-flow/pages-router/server';

export default createAuthApiRoute(ensureSuperTokensInit);
