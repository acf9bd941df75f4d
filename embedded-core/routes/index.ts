import type { Route } from '../router';
import { coreRoutes } from './core';
import { emailPasswordRoutes } from './emailpassword';
import { emailVerificationRoutes } from './emailverification';
import { jwtRoutes } from './jwt';
import { multitenancyRoutes } from './multitenancy';
import { sessionRoutes } from './session';
import { userRoutes } from './users';

/** Every API the embedded core answers; anything else gets the core's 404 `Not found`. */
export const ROUTES: readonly Route[] = [
  ...coreRoutes,
  ...userRoutes,
  ...sessionRoutes,
  ...jwtRoutes,
  ...emailPasswordRoutes,
  ...emailVerificationRoutes,
  ...multitenancyRoutes,
];
