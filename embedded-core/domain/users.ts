import { randomUUID } from 'node:crypto';
import { CoreHttpError } from '../errors';
import type { JsonObject } from '../json';
import type { StoredUser } from '../store/types';
import { hashPassword, verifyPassword } from '../tokens/passwords';
import type { AppContext } from './context';

/** The core trims and lower-cases emails; the SDK compares the same way. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The CDI >= 5.3 user object. Divergence: only EmailPassword users exist, and account linking
 * is not supported, so `isPrimaryUser` is false and there is one login method per user.
 */
export function userJson(user: StoredUser): JsonObject {
  return {
    id: user.id,
    isPrimaryUser: false,
    tenantIds: [...user.tenantIds],
    timeJoined: user.timeJoined,
    emails: [user.email],
    phoneNumbers: [],
    thirdParty: [],
    webauthn: { credentialIds: [] },
    loginMethods: [
      {
        tenantIds: [...user.tenantIds],
        recipeUserId: user.id,
        // Divergence: no email verification recipe, so never verified.
        verified: false,
        timeJoined: user.timeJoined,
        recipeId: 'emailpassword',
        email: user.email,
      },
    ],
  };
}

export function findUserByEmail(ctx: AppContext, tenantId: string, email: string): StoredUser | undefined {
  return Object.values(ctx.app.users).find((user) => user.email === email && user.tenantIds.includes(tenantId));
}

export function signUp(ctx: AppContext, tenantId: string, email: string, password: string): JsonObject {
  if (password === '') throw new CoreHttpError(400, 'Password cannot be an empty string');
  const normalised = normaliseEmail(email);
  if (findUserByEmail(ctx, tenantId, normalised)) return { status: 'EMAIL_ALREADY_EXISTS_ERROR' };
  const user = createUser(ctx, tenantId, normalised, password);
  return { status: 'OK', user: userJson(user), recipeUserId: user.id };
}

export function createUser(ctx: AppContext, tenantId: string, email: string, password: string): StoredUser {
  const user: StoredUser = {
    id: randomUUID(),
    email,
    passwordHash: hashPassword(password),
    timeJoined: ctx.clock.now(),
    tenantIds: [tenantId],
  };
  ctx.app.users[user.id] = user;
  ctx.changed();
  return user;
}

export function signIn(ctx: AppContext, tenantId: string, email: string, password: string): JsonObject {
  const user = findUserByEmail(ctx, tenantId, normaliseEmail(email));
  if (!user || !verifyPassword(password, user.passwordHash)) return { status: 'WRONG_CREDENTIALS_ERROR' };
  return { status: 'OK', user: userJson(user), recipeUserId: user.id };
}

export function getUserById(ctx: AppContext, userId: string): JsonObject {
  const user = ctx.app.users[userId];
  return user ? { status: 'OK', user: userJson(user) } : { status: 'UNKNOWN_USER_ID_ERROR' };
}

export interface AccountInfoQuery {
  email: string | undefined;
  /** Any of phone number, third-party or webauthn info was asked for: no user here has those. */
  otherInfoGiven: boolean;
  doUnionOfAccountInfo: boolean;
}

/** Users of the tenant matching the account info, oldest first. */
export function usersByAccountInfo(ctx: AppContext, tenantId: string, query: AccountInfoQuery): JsonObject {
  const email = query.email === undefined ? undefined : normaliseEmail(query.email);
  const requireAll = !query.doUnionOfAccountInfo && query.otherInfoGiven;
  const users = email === undefined || requireAll ? [] : Object.values(ctx.app.users).filter(
    (user) => user.email === email && user.tenantIds.includes(tenantId),
  );
  users.sort((a, b) => a.timeJoined - b.timeJoined);
  return { status: 'OK', users: users.map(userJson) };
}

export function updateEmailOrPassword(
  ctx: AppContext,
  input: { recipeUserId: string; email: string | undefined; password: string | undefined },
): JsonObject {
  const user = ctx.app.users[input.recipeUserId];
  if (!user) return { status: 'UNKNOWN_USER_ID_ERROR' };
  if (input.email !== undefined) {
    const email = normaliseEmail(input.email);
    const taken = user.tenantIds.some((tenantId) => {
      const other = findUserByEmail(ctx, tenantId, email);
      return other !== undefined && other.id !== user.id;
    });
    if (taken) return { status: 'EMAIL_ALREADY_EXISTS_ERROR' };
    user.email = email;
  }
  if (input.password !== undefined) user.passwordHash = hashPassword(input.password);
  ctx.changed();
  return { status: 'OK' };
}
