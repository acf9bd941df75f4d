import { randomBytes } from 'node:crypto';
import type { JsonObject } from '../json';
import type { StoredApp } from '../store/types';
import { sha256Hex } from '../tokens/hash';
import type { AppContext } from './context';

/**
 * Email verification as the core does it: tokens belong to a tenant and to a (user id, email)
 * pair, only their SHA-256 is stored, a token is single use (using one deletes every token of
 * that pair), and the verified state is app-wide. The user id is not checked against the users:
 * the core verifies any (user id, email) pair, since other recipes' users may be verified too.
 */
export function isEmailVerified(app: StoredApp, userId: string, email: string): boolean {
  return app.verifiedEmails.some((entry) => entry.userId === userId && entry.email === email);
}

export function createEmailVerificationToken(
  ctx: AppContext,
  tenantId: string,
  userId: string,
  email: string,
): JsonObject {
  if (isEmailVerified(ctx.app, userId, email)) return { status: 'EMAIL_ALREADY_VERIFIED_ERROR' };
  const token = randomBytes(48).toString('base64url');
  const now = ctx.clock.now();
  // Expired tokens go when a new one is made (the core's cron job deletes them).
  removeTokens(ctx, (entry) => entry.expiry < now);
  ctx.app.emailVerificationTokens.push({
    tokenHash: sha256Hex(token),
    userId,
    email,
    tenantId,
    expiry: now + ctx.config.emailVerificationTokenLifetimeMs,
  });
  ctx.changed();
  return { status: 'OK', token };
}

export function verifyEmailWithToken(ctx: AppContext, tenantId: string, token: string): JsonObject {
  const tokenHash = sha256Hex(token);
  const match = ctx.app.emailVerificationTokens.find(
    (entry) => entry.tenantId === tenantId && entry.tokenHash === tokenHash,
  );
  if (!match) return { status: 'EMAIL_VERIFICATION_INVALID_TOKEN_ERROR' };
  removeTokens(ctx, (entry) => entry.tenantId === tenantId && entry.userId === match.userId && entry.email === match.email);
  if (match.expiry < ctx.clock.now()) return { status: 'EMAIL_VERIFICATION_INVALID_TOKEN_ERROR' };
  if (!isEmailVerified(ctx.app, match.userId, match.email)) {
    ctx.app.verifiedEmails.push({ userId: match.userId, email: match.email });
  }
  ctx.changed();
  return { status: 'OK', userId: match.userId, email: match.email };
}

export function revokeEmailVerificationTokens(ctx: AppContext, tenantId: string, userId: string, email: string): JsonObject {
  removeTokens(ctx, (entry) => entry.tenantId === tenantId && entry.userId === userId && entry.email === email);
  return { status: 'OK' };
}

export function unverifyEmail(ctx: AppContext, userId: string, email: string): JsonObject {
  const before = ctx.app.verifiedEmails.length;
  ctx.app.verifiedEmails = ctx.app.verifiedEmails.filter((entry) => entry.userId !== userId || entry.email !== email);
  if (ctx.app.verifiedEmails.length !== before) ctx.changed();
  return { status: 'OK' };
}

/** What deleting a user removes here: its tokens and verified emails, whatever the tenant. */
export function forgetEmailVerificationOf(ctx: AppContext, userId: string): void {
  removeTokens(ctx, (entry) => entry.userId === userId);
  const before = ctx.app.verifiedEmails.length;
  ctx.app.verifiedEmails = ctx.app.verifiedEmails.filter((entry) => entry.userId !== userId);
  if (ctx.app.verifiedEmails.length !== before) ctx.changed();
}

function removeTokens(ctx: AppContext, matches: (entry: StoredApp['emailVerificationTokens'][number]) => boolean): void {
  const before = ctx.app.emailVerificationTokens.length;
  ctx.app.emailVerificationTokens = ctx.app.emailVerificationTokens.filter((entry) => !matches(entry));
  if (ctx.app.emailVerificationTokens.length !== before) ctx.changed();
}
