import {
  createOrUpdateApp,
  DEFAULT_APP_ID,
  DEFAULT_TENANT_ID,
  normaliseAppId,
  removeApp,
  tenantJson,
} from '../domain/apps';
import { CoreHttpError } from '../errors';
import { jsonResponse } from '../http';
import { optionalObject, optionalString, requireString } from '../input';
import type { Route } from '../router';

/**
 * Tenant read (what the SDK's login-methods call needs) and app management (what test suites
 * use to isolate each test in its own app with its own config).
 */
export const multitenancyRoutes: Route[] = [
  {
    path: '/recipe/multitenancy/tenant/v2',
    scope: 'unchecked',
    handlers: {
      GET: (ctx) => {
        const app = ctx.store.data.apps.get(ctx.appId);
        if (!app || ctx.tenantId !== DEFAULT_TENANT_ID) return jsonResponse({ status: 'TENANT_NOT_FOUND_ERROR' });
        return jsonResponse(tenantJson(app));
      },
    },
  },
  {
    path: '/recipe/multitenancy/app/v2',
    scope: 'app',
    handlers: {
      PUT: (ctx) => {
        const input = ctx.json();
        const rawAppId = optionalString(input, 'appId');
        const appId = rawAppId === undefined ? DEFAULT_APP_ID : normaliseAppId(rawAppId);
        ctx.requireScope('tenant');
        if (ctx.appId !== DEFAULT_APP_ID && ctx.appId !== appId) {
          throw new CoreHttpError(403, 'You must use the public or same app to add/update an app');
        }
        const coreConfig = optionalObject(input, 'coreConfig');
        return jsonResponse(createOrUpdateApp(ctx.store, ctx.baseConfig, appId, coreConfig));
      },
    },
  },
  {
    path: '/recipe/multitenancy/app/remove',
    scope: 'app',
    handlers: {
      POST: (ctx) => {
        const appId = normaliseAppId(requireString(ctx.json(), 'appId'));
        if (appId === DEFAULT_APP_ID) return jsonResponse(removeApp(ctx.store, appId));
        ctx.requireScope('tenant');
        if (ctx.appId !== DEFAULT_APP_ID) {
          throw new CoreHttpError(403, 'Only the public tenantId and public appId is allowed to delete an app');
        }
        return jsonResponse(removeApp(ctx.store, appId));
      },
    },
  },
];
