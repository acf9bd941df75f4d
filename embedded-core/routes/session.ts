import {
  liveSession,
  regenerateSession,
  removeSessions,
  sessionHandlesForUser,
  sessionInformation,
  updateSessionData,
} from '../domain/sessionAdmin';
import { createSession, refreshSession, verifySession } from '../domain/sessions';
import { assertCore } from '../errors';
import { jsonResponse } from '../http';
import {
  optionalBoolean,
  optionalObject,
  optionalString,
  optionalStringArray,
  queryFlag,
  requireBoolean,
  requireObject,
  requireQuery,
  requireString,
} from '../input';
import type { Route, RouteContext } from '../router';

/** Routes under `/recipe/session`; field order of the checks follows the core's handlers. */
export const sessionRoutes: Route[] = [
  {
    path: '/recipe/session',
    scope: 'app',
    handlers: {
      POST: async (ctx) => {
        const input = ctx.json();
        const userId = requireString(input, 'userId');
        const enableAntiCsrf = requireBoolean(input, 'enableAntiCsrf');
        const userDataInJWT = requireObject(input, 'userDataInJWT');
        const userDataInDatabase = requireObject(input, 'userDataInDatabase');
        ctx.requireScope('tenant');
        const useDynamicSigningKey = optionalBoolean(input, 'useDynamicSigningKey');
        const session = await createSession(ctx.app(), {
          tenantId: ctx.tenantId,
          userId,
          userDataInJWT,
          userDataInDatabase,
          enableAntiCsrf,
          useStaticKey: useDynamicSigningKey === false,
        });
        return jsonResponse(session);
      },
      GET: (ctx) => jsonResponse(sessionInformation(ctx.app(), requireQuery(ctx.request.query, 'sessionHandle'))),
    },
  },
  {
    path: '/recipe/session/verify',
    scope: 'app',
    handlers: {
      POST: async (ctx) => {
        const input = ctx.json();
        const accessToken = requireString(input, 'accessToken');
        const antiCsrfToken = optionalString(input, 'antiCsrfToken');
        const doAntiCsrfCheck = requireBoolean(input, 'doAntiCsrfCheck');
        const enableAntiCsrf = requireBoolean(input, 'enableAntiCsrf');
        const checkDatabase = requireBoolean(input, 'checkDatabase');
        const verifyInput = { accessToken, antiCsrfToken, doAntiCsrfCheck, enableAntiCsrf, checkDatabase };
        return jsonResponse(await verifySession(ctx.app(), verifyInput));
      },
    },
  },
  {
    path: '/recipe/session/refresh',
    scope: 'tenant',
    handlers: {
      POST: async (ctx) => {
        const input = ctx.json();
        const refreshToken = requireString(input, 'refreshToken');
        const antiCsrfToken = optionalString(input, 'antiCsrfToken');
        const enableAntiCsrf = requireBoolean(input, 'enableAntiCsrf');
        // Required from CDI 5.0 on; the SDK always sends it.
        const useDynamicSigningKey = requireBoolean(input, 'useDynamicSigningKey');
        return jsonResponse(
          await refreshSession(ctx.app(), { refreshToken, antiCsrfToken, enableAntiCsrf, useDynamicSigningKey }),
        );
      },
    },
  },
  {
    path: '/recipe/session/regenerate',
    scope: 'app',
    handlers: {
      POST: async (ctx) => {
        const input = ctx.json();
        const accessToken = requireString(input, 'accessToken');
        const userDataInJWT = optionalObject(input, 'userDataInJWT');
        return jsonResponse(await regenerateSession(ctx.app(), { accessToken, userDataInJWT }));
      },
    },
  },
  {
    path: '/recipe/session/remove',
    scope: 'app',
    handlers: { POST: (ctx) => jsonResponse(removeSessionsFor(ctx)) },
  },
  {
    path: '/recipe/session/user',
    scope: 'app',
    handlers: {
      GET: (ctx) => {
        const query = ctx.request.query;
        const userId = requireQuery(query, 'userId');
        requireUserScope(ctx, queryFlag(query, 'fetchAcrossAllTenants', true));
        return jsonResponse({ status: 'OK', sessionHandles: sessionHandlesForUser(ctx.app(), userId) });
      },
    },
  },
  {
    path: '/recipe/session/data',
    scope: 'app',
    handlers: {
      PUT: (ctx) => {
        const input = ctx.json();
        const sessionHandle = requireString(input, 'sessionHandle');
        const userDataInDatabase = requireObject(input, 'userDataInDatabase');
        return jsonResponse(updateSessionData(ctx.app(), sessionHandle, userDataInDatabase));
      },
      GET: (ctx) => {
        const row = liveSession(ctx.app(), requireQuery(ctx.request.query, 'sessionHandle'));
        return jsonResponse({ status: 'OK', userDataInDatabase: row.userDataInDatabase });
      },
    },
  },
];

function removeSessionsFor(ctx: RouteContext) {
  const input = ctx.json();
  const userId = optionalString(input, 'userId');
  const sessionHandles = optionalStringArray(input, 'sessionHandles');
  assertCore(
    (userId === undefined) !== (sessionHandles === undefined),
    'Invalid JSON input - use one of userId or sessionHandles array',
  );
  const acrossTenants = optionalBoolean(input, 'revokeAcrossAllTenants');
  assertCore(
    userId !== undefined || acrossTenants === undefined,
    'Invalid JSON input - revokeAcrossAllTenants can only be set if userId is set',
  );
  const linkedAccounts = optionalBoolean(input, 'revokeSessionsForLinkedAccounts');
  assertCore(
    userId !== undefined || linkedAccounts === undefined,
    'Invalid JSON input - revokeSessionsForLinkedAccounts can only be set if userId is set',
  );
  if (userId === undefined) return removeSessions(ctx.app(), sessionHandles ?? []);
  requireUserScope(ctx, acrossTenants ?? true);
  return removeSessions(ctx.app(), sessionHandlesForUser(ctx.app(), userId));
}

/** "Across all tenants" is an app-specific call (public tenant only); otherwise the tenant must exist. */
function requireUserScope(ctx: RouteContext, acrossAllTenants: boolean): void {
  ctx.requireScope(acrossAllTenants ? 'publicTenant' : 'tenant');
}
