import { countUsers, listUsers, MAX_USERS_PER_PAGE, removeUser } from '../domain/userList';
import { getUserById, usersByAccountInfo } from '../domain/users';
import { assertCore } from '../errors';
import { jsonResponse } from '../http';
import { optionalQuery, queryInt, queryList, requireQuery, requireString } from '../input';
import type { Route, RouteContext } from '../router';

/** Recipe ids the core knows (its RECIPE_ID enum); others get `Unknown recipe ID: <id>`. */
const RECIPE_IDS: ReadonlySet<string> = new Set([
  'emailpassword', 'thirdparty', 'session', 'emailverification', 'jwt', 'passwordless', 'usermetadata',
  'userroles', 'useridmapping', 'dashboard', 'totp', 'multitenancy', 'accountlinking', 'webauthn',
]);

/** `/user/id`, `/user/remove`, `/users`, `/users/count`, `/users/by-accountinfo`. */
export const userRoutes: Route[] = [
  {
    path: '/user/id',
    scope: 'publicTenant',
    handlers: { GET: (ctx) => jsonResponse(getUserById(ctx.app(), requireQuery(ctx.request.query, 'userId'))) },
  },
  {
    path: '/user/remove',
    scope: 'app',
    handlers: {
      POST: (ctx) => {
        const userId = requireString(ctx.json(), 'userId');
        ctx.requireScope('publicTenant');
        return jsonResponse(removeUser(ctx.app(), userId));
      },
    },
  },
  {
    path: '/users',
    scope: 'tenant',
    handlers: { GET: (ctx) => jsonResponse(listUsers(ctx.app(), ctx.tenantId, listQuery(ctx))) },
  },
  {
    path: '/users/count',
    scope: 'app',
    handlers: {
      GET: (ctx) => {
        const includeRecipeIds = recipeIdsOf(ctx);
        // Across all tenants unless told otherwise: then it is an app-wide API (public tenant only).
        const allTenants = optionalQuery(ctx.request.query, 'includeAllTenants')?.toLowerCase() === 'true';
        ctx.requireScope(allTenants ? 'publicTenant' : 'tenant');
        const count = countUsers(ctx.app(), allTenants ? 'all-tenants' : ctx.tenantId, includeRecipeIds);
        return jsonResponse({ status: 'OK', count });
      },
    },
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

/** The core's checks for GET /users, in its order. */
function listQuery(ctx: RouteContext) {
  const query = ctx.request.query;
  const includeRecipeIds = recipeIdsOf(ctx);
  const paginationToken = optionalQuery(query, 'paginationToken');
  const limit = queryInt(query, 'limit');
  const order = optionalQuery(query, 'timeJoinedOrder') ?? 'ASC';
  assertCore(order === 'ASC' || order === 'DESC', 'timeJoinedOrder can be either ASC OR DESC');
  const emails = searchTags(optionalQuery(query, 'email'));
  const others = [...searchTags(optionalQuery(query, 'phone')), ...searchTags(optionalQuery(query, 'provider'))];
  const search = emails.length + others.length > 0 ? { emails, others: others.length > 0 } : undefined;
  if (limit !== undefined) {
    assertCore(limit <= MAX_USERS_PER_PAGE || search !== undefined, `max limit allowed is ${MAX_USERS_PER_PAGE}`);
    assertCore(limit >= 1, 'limit must a positive integer with min value 1');
  }
  return { limit: limit ?? 100, timeJoinedOrder: order, paginationToken, includeRecipeIds, search } as const;
}

function recipeIdsOf(ctx: RouteContext): string[] | undefined {
  const ids = queryList(ctx.request.query, 'includeRecipeIds');
  for (const id of ids ?? []) assertCore(RECIPE_IDS.has(id.toLowerCase()), `Unknown recipe ID: ${id}`);
  return ids?.map((id) => id.toLowerCase());
}

/** The dashboard's search: `;`-separated, trimmed, lower-cased, empty ones dropped. */
function searchTags(raw: string | undefined): string[] {
  return (raw ?? '').split(';').map((tag) => tag.trim().toLowerCase()).filter((tag) => tag !== '');
}
