import { ensureSuperTokensInit } from '../../config/backendConfig';
import { createSessionOutcomeApi } from 'ssr-session-flow/server';

ensureSuperTokensInit();

export default createSessionOutcomeApi();
