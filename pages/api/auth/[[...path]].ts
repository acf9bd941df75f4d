import { ensureSuperTokensInit } from '../../../config/backendConfig';
import { createAuthApiRoute } from 'ssr-session-flow/server';

export default createAuthApiRoute(ensureSuperTokensInit);
