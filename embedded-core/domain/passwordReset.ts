import { randomBytes } from 'node:crypto';
import type { JsonObject } from '../json';
import { sha256Hex } from '../tokens/hash';
import type { AppContext } from './context';

/**
 * Only the hash of a reset token is stored, as in the core. Expired tokens are dropped when a new
 * one is made (the core's cron job deletes them), so repeated requests cannot grow the store.
 */
export function createPasswordResetToken(ctx: AppContext, userId: string, email: string): JsonObject {
  if (!ctx.app.users.has(userId)) return { status: 'UNKNOWN_USER_ID_ERROR' };
  const token = randomBytes(96).toString('base64').replace(/[=+/]/g, '').slice(0, 128);
  const now = ctx.clock.now();
  ctx.app.passwordResetTokens = ctx.app.passwordResetTokens.filter((entry) => entry.expiry >= now);
  ctx.app.passwordResetTokens.push({
    tokenHash: sha256Hex(token),
    userId,
    email,
    expiry: now + ctx.config.passwordResetTokenLifetimeMs,
  });
  ctx.changed();
  return { status: 'OK', token };
}

/** Single use: consuming one token deletes every reset token of that user, expired or not. */
export function consumePasswordResetToken(ctx: AppContext, token: string): JsonObject {
  const tokenHash = sha256Hex(token);
  const match = ctx.app.passwordResetTokens.find((entry) => entry.tokenHash === tokenHash);
  if (!match) return { status: 'RESET_PASSWORD_INVALID_TOKEN_ERROR' };
  ctx.app.passwordResetTokens = ctx.app.passwordResetTokens.filter((entry) => entry.userId !== match.userId);
  ctx.changed();
  if (match.expiry < ctx.clock.now()) return { status: 'RESET_PASSWORD_INVALID_TOKEN_ERROR' };
  return { status: 'OK', userId: match.userId, email: match.email };
}
