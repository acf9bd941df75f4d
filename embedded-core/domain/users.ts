import { randomUUID } from 'node:crypto';
import { CoreHttpError } from '../errors';
import type { JsonObject } from '../json';
import type { StoredApp, StoredUser } from '../store/types';
import type { AppContext } from './context';
import { isEmailVerified } from './emailVerification';

/** The core trims and lower-cases emails; the SDK compares the same way. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The CDI >= 5.3 user object. Divergence: only EmailPassword users exist, and account linking
 * is not supported, so `isPrimaryUser` is false and there is one login method per user.
 */
export function userJson(app: StoredApp, user: StoredUser): JsonObject {
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
        verified: isEmailVerified(app, user.id, user.email),
        timeJoined: user.timeJoined,
        recipeId: 'emailpassword',
        email: user.email,
      },
    ],
  };
}

export function findUserByEmail(ctx: AppContext, tenantId: string, email: string): StoredUser | undefined {
  for (const user of ctx.app.users.values()) {
    if (user.email === email && user.tenantIds.includes(tenantId)) return user;
  }
  return undefined;
}

export async function signUp(ctx: AppContext, tenantId: string, email: string, password: string): Promise<JsonObject> {
  if (password === '') throw new CoreHttpError(400, 'Password cannot be an empty string');
  const normalised = normaliseEmail(email);
  if (findUserByEmail(ctx, tenantId, normalised)) return { status: 'EMAIL_ALREADY_EXISTS_ERROR' };
  const user = await createUser(ctx, tenantId, normalised, password);
  return { status: 'OK', user: userJson(ctx.app, user), recipeUserId: user.id };
}

export async function createUser(ctx: AppContext, tenantId: string, email: string, password: string): Promise<StoredUser> {
  const passwordHash = await ctx.passwords.hash(password);
  const user: StoredUser = { id: randomUUID(), email, passwordHash, timeJoined: ctx.clock.now(), tenantIds: [tenantId] };
  ctx.app.users.set(user.id, user);
  ctx.changed();
  return user;
}

/**
 * One password computation whatever happens: an unknown email costs what a wrong password costs,
 * so the answer time does not reveal which accounts exist. A match on a hash made with other
 * parameters (an older data file, a lower test cost) is rehashed with the current ones.
 */
export async function signIn(ctx: AppContext, tenantId: string, email: string, password: string): Promise<JsonObject> {
  const user = findUserByEmail(ctx, tenantId, normaliseEmail(email));
  if (!user) {
    await ctx.passwords.verifyNobody(password);
    return { status: 'WRONG_CREDENTIALS_ERROR' };
  }
  const verdict = await ctx.passwords.verify(password, user.passwordHash);
  if (!verdict.matches) return { status: 'WRONG_CREDENTIALS_ERROR' };
  if (verdict.needsRehash) {
    user.passwordHash = await ctx.passwords.hash(password);
    ctx.changed();
  }
  return { status: 'OK', user: userJson(ctx.app, user), recipeUserId: user.id };
}

export function getUserById(ctx: AppContext, userId: string): JsonObject {
  const user = ctx.app.users.get(userId);
  return user ? { status: 'OK', user: userJson(ctx.app, user) } : { status: 'UNKNOWN_USER_ID_ERROR' };
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
  const users =
    email === undefined || requireAll
      ? []
      : [...ctx.app.users.values()].filter((user) => user.email === email && user.tenantIds.includes(tenantId));
  users.sort((a, b) => a.timeJoined - b.timeJoined);
  return { status: 'OK', users: users.map((user) => userJson(ctx.app, user)) };
}

export async function updateEmailOrPassword(
  ctx: AppContext,
  input: { recipeUserId: string; email: string | undefined; password: string | undefined },
): Promise<JsonObject> {
  const user = ctx.app.users.get(input.recipeUserId);
  if (!user) return { status: 'UNKNOWN_USER_ID_ERROR' };
  const email = input.email === undefined ? undefined : normaliseEmail(input.email);
  if (email !== undefined) {
    const taken = user.tenantIds.some((tenantId) => {
      const other = findUserByEmail(ctx, tenantId, email);
      return other !== undefined && other.id !== user.id;
    });
    if (taken) return { status: 'EMAIL_ALREADY_EXISTS_ERROR' };
  }
  // Hash before changing anything, so a failure leaves the user as it was.
  const passwordHash = input.password === undefined ? undefined : await ctx.passwords.hash(input.password);
  if (email !== undefined) user.email = email;
  if (passwordHash !== undefined) user.passwordHash = passwordHash;
  ctx.changed();
  return { status: 'OK' };
}
