import { ensureSuperTokensInit } from '../../../config/backendConfig';
import { createAuthApiRoute } from '../../../lib/server/authApiRoute';

export default createAuthApiRoute(ensureSuperTokensInit);
