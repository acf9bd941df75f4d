import { liveSession, updateJwtData } from '../domain/sessionAdmin';
import { jsonResponse } from '../http';
import { requireObject, requireQuery, requireString } from '../input';
import type { Route } from '../router';

/** `/recipe/jwt/data`: the stored access-token payload, applied at the next refresh or promoting verify. */
export const jwtRoutes: Route[] = [
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
