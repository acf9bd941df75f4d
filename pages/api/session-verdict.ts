import { ensureSuperTokensInit } from '../../config/backendConfig';
import { createSessionVerdictApi } from 'ssr-session-flow/pages-router/server';

ensureSuperTokensInit();

export default createSessionVerdictApi();
