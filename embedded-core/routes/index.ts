import type { Route } from '../router';
import { coreRoutes } from './core';
import { emailPasswordRoutes } from './emailpassword';
import { jwtRoutes } from './jwt';
import { multitenancyRoutes } from './multitenancy';
import { sessionRoutes } from './session';

/** Every API the embedded core answers; anything else gets the core's 404 `Not found`. */
export const ROUTES: readonly Route[] = [
  ...coreRoutes,
  ...sessionRoutes,
  ...jwtRoutes,
  ...emailPasswordRoutes,
  ...multitenancyRoutes,
];
