import SuperTokensReact from 'supertokens-auth-react';
import EmailPasswordReact from 'supertokens-auth-react/recipe/emailpassword';
import SessionReact from 'supertokens-auth-react/recipe/session';
import { authReactConfig, sessionRecipeConfig, shareSessionChecks } from 'ssr-session-flow/supertokens/client';
import { appInfo } from './appInfo';
import { markSessionRecipeReady, refreshLockFactory, routedWindowHandler } from './sessionConfig';

type FrontendConfig = Parameters<typeof SuperTokensReact.init>[0];
type EmailVerificationModule = typeof import('supertokens-auth-react/recipe/emailverification');

/** supertokens-auth-react with the prebuilt UI, for the sign-in page only (every page: sessionConfig.ts). */
export function frontendConfig(): FrontendConfig {
  // `/auth?redirectToPath=...` is attacker-controlled: the kit's config keeps every sign-in on this origin.
  // The prebuilt UI asks twice whether a session exists as it opens: one refresh answers both.
  return authReactConfig({
    appInfo,
    recipeList: [
      EmailPasswordReact.init(),
      ...emailVerificationRecipe(),
      SessionReact.init(sessionRecipeConfig({ lockFactory: refreshLockFactory(), override: { functions: shareSessionChecks } })),
    ],
    windowHandler: routedWindowHandler,
  });
}

/**
 * NEXT_PUBLIC_EMAIL_VERIFICATION=required, inlined at build time as on the server. Loaded with
 * `require` inside the inlined condition so a build without it carries none of its code.
 */
function emailVerificationRecipe() {
  if (process.env.NEXT_PUBLIC_EMAIL_VERIFICATION !== 'required') return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would ship it always
  const recipe: EmailVerificationModule = require('supertokens-auth-react/recipe/emailverification');
  return [recipe.default.init({ mode: 'REQUIRED' })];
}

let authUiReady = false;

/**
 * For the pages that show the prebuilt UI, when their module loads: on a document load that is
 * before `_app` renders, on a client-side navigation after the Session recipe was initialised for
 * an earlier page (auth-react initialises it again, with the same options). Browser-only, idempotent.
 */
export function ensureAuthUi(): void {
  if (authUiReady || typeof window === 'undefined') return;
  SuperTokensReact.init(frontendConfig());
  authUiReady = true;
  markSessionRecipeReady();
}
