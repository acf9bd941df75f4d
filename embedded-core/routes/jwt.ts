import { createJwt } from '../domain/jwtSigning';
import { liveSession, updateJwtData } from '../domain/sessionAdmin';
import { assertCore } from '../errors';
import { jsonResponse } from '../http';
import { optionalBoolean, requireLong, requireObject, requireQuery, requireString } from '../input';
import type { Route } from '../router';

/**
 * `/recipe/jwt` (JWTs signed with the core's keys, for `Session.createJWT` and the JWT and OpenID
 * recipes) and `/recipe/jwt/data` (the stored access-token payload, applied at the next refresh
 * or promoting verify).
 */
export const jwtRoutes: Route[] = [
  {
    path: '/recipe/jwt',
    scope: 'app',
    handlers: {
      POST: async (ctx) => {
        const input = ctx.json();
        const algorithm = requireString(input, 'algorithm');
        const jwksDomain = requireString(input, 'jwksDomain');
        const payload = requireObject(input, 'payload');
        const validitySeconds = requireLong(input, 'validity');
        assertCore(validitySeconds > 0, 'validity must be greater than or equal to 0');
        // Defaults to the static key: only an explicit false asks for a dynamic one.
        const useStaticSigningKey = optionalBoolean(input, 'useStaticSigningKey') !== false;
        ctx.requireScope('publicTenant');
        return jsonResponse(
          await createJwt(ctx.app(), { algorithm, jwksDomain, payload, validitySeconds, useStaticSigningKey }),
        );
      },
    },
  },
  {
    path: '/recipe/jwt/data',
    scope: 'app',
    handlers: {
      PUT: (ctx) => {
        const input = ctx.json();
        const sessionHandle = requireString(input, 'sessionHandle');
        const userDataInJWT = requireObject(input, 'userDataInJWT');
        return jsonResponse(updateJwtData(ctx.app(), sessionHandle, userDataInJWT));
      },
      GET: (ctx) => {
        const row = liveSession(ctx.app(), requireQuery(ctx.request.query, 'sessionHandle'));
        return jsonResponse({ status: 'OK', userDataInJWT: row.userDataInJWT });
      },
    },
  },
];
