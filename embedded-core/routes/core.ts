import { SUPPORTED_CDI_VERSIONS } from '../cdiVersions';
import { textResponse } from '../errors';
import { jsonResponse } from '../http';
import type { Route, RouteHandler } from '../router';
import { buildJwks, jwksCacheSeconds, rotateSigningKeys } from '../tokens/signingKeys';

const hello: RouteHandler = () => textResponse(200, 'Hello');

/** `/hello`, `/apiversion`, `/.well-known/jwks.json`. */
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
];
