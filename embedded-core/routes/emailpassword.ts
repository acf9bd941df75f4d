import { consumePasswordResetToken, createPasswordResetToken } from '../domain/passwordReset';
import { signIn, signUp, updateEmailOrPassword } from '../domain/users';
import { assertCore } from '../errors';
import { jsonResponse } from '../http';
import { optionalString, requireString } from '../input';
import type { Route, RouteContext } from '../router';

/**
 * EmailPassword routes. `PUT /recipe/user` is shared by several recipes in the core and routed
 * by the `rid` header with emailpassword as the default; only emailpassword exists here.
 */
export const emailPasswordRoutes: Route[] = [
  {
    path: '/recipe/signup',
    scope: 'app',
    handlers: {
      POST: async (ctx) => {
        const { email, password } = credentialsOf(ctx);
        assertCore(password !== '', 'Password cannot be an empty string');
        ctx.requireScope('tenant');
        return jsonResponse(await signUp(ctx.app(), ctx.tenantId, email, password));
      },
    },
  },
  {
    path: '/recipe/signin',
    scope: 'app',
    handlers: {
      POST: async (ctx) => {
        const { email, password } = credentialsOf(ctx);
        ctx.requireScope('tenant');
        return jsonResponse(await signIn(ctx.app(), ctx.tenantId, email, password));
      },
    },
  },
  {
    path: '/recipe/user/password/reset/token',
    scope: 'app',
    handlers: {
      POST: (ctx) => {
        const input = ctx.json();
        const userId = requireString(input, 'userId');
        ctx.requireScope('tenant');
        const email = requireString(input, 'email');
        return jsonResponse(createPasswordResetToken(ctx.app(), userId, email));
      },
    },
  },
  {
    path: '/recipe/user/password/reset/token/consume',
    scope: 'app',
    handlers: {
      POST: (ctx) => {
        const token = requireString(ctx.json(), 'token');
        ctx.requireScope('tenant');
        return jsonResponse(consumePasswordResetToken(ctx.app(), token));
      },
    },
  },
  {
    path: '/recipe/user',
    scope: 'app',
    handlers: {
      PUT: async (ctx) => {
        const input = ctx.json();
        const recipeUserId = requireString(input, 'recipeUserId');
        const email = optionalString(input, 'email');
        const password = optionalString(input, 'password');
        assertCore(email !== undefined || password !== undefined, 'You have to provide either email or password.');
        ctx.requireScope('publicTenant');
        return jsonResponse(await updateEmailOrPassword(ctx.app(), { recipeUserId, email, password }));
      },
    },
  },
];

/** Sign-up and sign-in take the same body; fields are checked in the core's order. */
function credentialsOf(ctx: RouteContext): { email: string; password: string } {
  const input = ctx.json();
  return { email: requireString(input, 'email'), password: requireString(input, 'password') };
}
