import { SUPPORTED_CDI_VERSIONS } from '../cdiVersions';
import { getUserById, usersByAccountInfo } from '../domain/users';
import { assertCore, textResponse } from '../errors';
import { jsonResponse } from '../http';
import { optionalQuery, requireQuery } from '../input';
import type { Route, RouteHandler } from '../router';
import { buildJwks, jwksCacheSeconds, rotateSigningKeys } from '../tokens/signingKeys';

const hello: RouteHandler = () => textResponse(200, 'Hello');

/** `/hello`, `/apiversion`, `/.well-known/jwks.json`, `/user/id`, `/users/by-accountinfo`. */
export const coreRoutes: Route[] = [
  {
    path: '/hello',
    scope: 'app',
    skipApiKey: true,
    skipVersionCheck: true,
    handlers: { GET: hello, POST: hello, PUT: hello, DELETE: hello },
  },
  {
    path: '/apiversion',
    scope: 'publicTenant',
    skipVersionCheck: true,
    handlers: { GET: () => jsonResponse({ versions: [...SUPPORTED_CDI_VERSIONS] }) },
  },
  {
    path: '/.well-known/jwks.json',
    scope: 'app',
    skipApiKey: true,
    skipVersionCheck: true,
    handlers: {
      GET: async (ctx) => {
        const app = ctx.app();
        const now = app.clock.now();
        if (rotateSigningKeys(app.app, app.config, now)) app.changed();
        const keys = await buildJwks(app.app);
        const maxAge = jwksCacheSeconds(app.app, app.config, now);
        return jsonResponse({ keys }, { 'cache-control': `max-age=${maxAge}, must-revalidate` });
      },
    },
  },
  {
    path: '/user/id',
    scope: 'publicTenant',
    handlers: { GET: (ctx) => jsonResponse(getUserById(ctx.app(), requireQuery(ctx.request.query, 'userId'))) },
  },
  {
    path: '/users/by-accountinfo',
    scope: 'tenant',
    handlers: {
      GET: (ctx) => {
        const query = ctx.request.query;
        const union = requireQuery(query, 'doUnionOfAccountInfo');
        assertCore(union === 'true' || union === 'false', "'doUnionOfAccountInfo' should be either 'true' or 'false'");
        const thirdPartyId = optionalQuery(query, 'thirdPartyId');
        const thirdPartyUserId = optionalQuery(query, 'thirdPartyUserId');
        assertCore(
          (thirdPartyId === undefined) === (thirdPartyUserId === undefined),
          "If 'thirdPartyId' is provided, 'thirdPartyUserId' must also be provided, and vice versa",
        );
        const otherInfoGiven = ['phoneNumber', 'thirdPartyId', 'webauthnCredentialId'].some((name) => query.has(name));
        return jsonResponse(
          usersByAccountInfo(ctx.app(), ctx.tenantId, {
            email: optionalQuery(query, 'email'),
            otherInfoGiven,
            doUnionOfAccountInfo: union === 'true',
          }),
        );
      },
    },
  },
];
