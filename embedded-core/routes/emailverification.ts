import {
  createEmailVerificationToken,
  isEmailVerified,
  revokeEmailVerificationTokens,
  unverifyEmail,
  verifyEmailWithToken,
} from '../domain/emailVerification';
import { normaliseEmail } from '../domain/users';
import { assertCore } from '../errors';
import { jsonResponse } from '../http';
import { requireQuery, requireString } from '../input';
import type { Route, RouteContext } from '../router';

/**
 * `/recipe/user/email/verify*`, what the SDK's EmailVerification recipe calls. Token APIs are
 * tenant-specific, the verified state is app-wide (public tenant only), as in the core.
 */
export const emailVerificationRoutes: Route[] = [
  {
    path: '/recipe/user/email/verify/token',
    scope: 'app',
    handlers: {
      POST: (ctx) => {
        const { userId, email } = userAndEmail(ctx);
        ctx.requireScope('tenant');
        return jsonResponse(createEmailVerificationToken(ctx.app(), ctx.tenantId, userId, normaliseEmail(email)));
      },
    },
  },
  {
    path: '/recipe/user/email/verify',
    scope: 'app',
    handlers: {
      POST: (ctx) => {
        const input = ctx.json();
        const method = requireString(input, 'method');
        const token = requireString(input, 'token');
        assertCore(method === 'token', 'Unsupported method for email verification');
        ctx.requireScope('tenant');
        return jsonResponse(verifyEmailWithToken(ctx.app(), ctx.tenantId, token));
      },
      GET: (ctx) => {
        const userId = requireQuery(ctx.request.query, 'userId');
        // Not normalised here, as in the core: the SDK sends the stored (normalised) email.
        const email = requireQuery(ctx.request.query, 'email');
        ctx.requireScope('publicTenant');
        return jsonResponse({ status: 'OK', isVerified: isEmailVerified(ctx.app().app, userId, email) });
      },
    },
  },
  {
    path: '/recipe/user/email/verify/token/remove',
    scope: 'app',
    handlers: {
      POST: (ctx) => {
        const { userId, email } = userAndEmail(ctx);
        ctx.requireScope('tenant');
        return jsonResponse(revokeEmailVerificationTokens(ctx.app(), ctx.tenantId, userId, normaliseEmail(email)));
      },
    },
  },
  {
    path: '/recipe/user/email/verify/remove',
    scope: 'app',
    handlers: {
      POST: (ctx) => {
        const { userId, email } = userAndEmail(ctx);
        ctx.requireScope('publicTenant');
        return jsonResponse(unverifyEmail(ctx.app(), userId, normaliseEmail(email)));
      },
    },
  },
];

function userAndEmail(ctx: RouteContext): { userId: string; email: string } {
  const input = ctx.json();
  return { userId: requireString(input, 'userId'), email: requireString(input, 'email') };
}
