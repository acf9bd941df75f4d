import { ensureSuperTokensInit } from '../../config/backendConfig';
import { createSessionOutcomeApi } from '../../lib/server/sessionOutcomeApi';

ensureSuperTokensInit();

export default createSessionOutcomeApi();
