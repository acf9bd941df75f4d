import { CoreHttpError } from '../errors';
import type { JsonObject } from '../json';
import type { StoredUser } from '../store/types';
import type { AppContext } from './context';
import { forgetEmailVerificationOf } from './emailVerification';
import { userJson } from './users';

/** The core's AuthRecipe.USER_PAGINATION_LIMIT. */
export const MAX_USERS_PER_PAGE = 500;

export interface ListUsersQuery {
  limit: number;
  timeJoinedOrder: 'ASC' | 'DESC';
  paginationToken: string | undefined;
  /** Recipe ids to keep (already checked); undefined means every recipe. */
  includeRecipeIds: string[] | undefined;
  /** The dashboard's search tags, or undefined when none was given. */
  search: { emails: string[]; others: boolean } | undefined;
}

/**
 * `GET /users`: the tenant's users ordered by join time, ties broken by user id descending, as
 * in the core's SQL. The pagination token is the core's: base64 of `<userId>;<timeJoined>` of the
 * first user of the next page. A search returns one page with no token, as in the core.
 */
export function listUsers(ctx: AppContext, tenantId: string, query: ListUsersQuery): JsonObject {
  const direction = query.timeJoinedOrder === 'ASC' ? 1 : -1;
  let users = usersOf(ctx, tenantId, query.includeRecipeIds).sort(
    (a, b) => direction * (a.timeJoined - b.timeJoined) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
  if (query.search) {
    users = query.search.others ? [] : users.filter((user) => matchesEmailSearch(user.email, query.search?.emails ?? []));
    return { status: 'OK', users: users.slice(0, query.limit).map((user) => userJson(ctx.app, user)) };
  }
  if (query.paginationToken !== undefined) {
    const from = readPaginationToken(query.paginationToken);
    users = users.filter((user) =>
      user.timeJoined === from.timeJoined ? user.id <= from.userId : direction * (user.timeJoined - from.timeJoined) > 0,
    );
  }
  const page = users.slice(0, query.limit);
  const next = users[query.limit];
  return {
    status: 'OK',
    users: page.map((user) => userJson(ctx.app, user)),
    ...(next ? { nextPaginationToken: Buffer.from(`${next.id};${next.timeJoined}`).toString('base64') } : {}),
  };
}

export function countUsers(ctx: AppContext, tenantId: string | 'all-tenants', includeRecipeIds: string[] | undefined): number {
  return usersOf(ctx, tenantId, includeRecipeIds).length;
}

/**
 * `POST /user/remove`: the user, its sessions, reset tokens and email-verification state go in one
 * step, as in the core's transaction. An unknown id changes nothing and still answers OK.
 */
export function removeUser(ctx: AppContext, userId: string): JsonObject {
  if (!ctx.app.users.delete(userId)) return { status: 'OK' };
  for (const [handle, session] of ctx.app.sessions) {
    if (session.userId === userId || session.recipeUserId === userId) ctx.app.sessions.delete(handle);
  }
  ctx.app.passwordResetTokens = ctx.app.passwordResetTokens.filter((token) => token.userId !== userId);
  forgetEmailVerificationOf(ctx, userId);
  ctx.changed();
  return { status: 'OK' };
}

/** Every user here is an EmailPassword user: a recipe filter without `emailpassword` keeps none. */
function usersOf(ctx: AppContext, tenantId: string, includeRecipeIds: string[] | undefined): StoredUser[] {
  if (includeRecipeIds !== undefined && includeRecipeIds.length > 0 && !includeRecipeIds.includes('emailpassword')) {
    return [];
  }
  const all = [...ctx.app.users.values()];
  return tenantId === 'all-tenants' ? all : all.filter((user) => user.tenantIds.includes(tenantId));
}

/** The core's SQL: `email LIKE '<tag>%' OR email LIKE '%@<tag>%'` for each tag. */
function matchesEmailSearch(email: string, tags: string[]): boolean {
  return tags.some((tag) => email.startsWith(tag) || email.includes(`@${tag}`));
}

function readPaginationToken(token: string): { userId: string; timeJoined: number } {
  const invalid = new CoreHttpError(400, 'invalid pagination token');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(token) || token.length % 4 === 1) throw invalid;
  // Java's split drops trailing empty strings, so `id;` alone is one part, not two.
  const parts = Buffer.from(token, 'base64').toString('utf8').split(';');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  const [userId, time] = parts;
  if (parts.length !== 2 || userId === undefined || time === undefined || !/^[+-]?[0-9]+$/.test(time)) throw invalid;
  const timeJoined = Number(time);
  if (!Number.isSafeInteger(timeJoined)) throw invalid;
  return { userId, timeJoined };
}
