import Router from 'next/router';
import SuperTokensReact from 'supertokens-auth-react';
import EmailPasswordReact from 'supertokens-auth-react/recipe/emailpassword';
import SessionReact from 'supertokens-auth-react/recipe/session';
import { appInfo } from './appInfo';
import { toSameOriginPath, publishSessionEventsToOtherTabs, createWebLocksLockFactory } from 'ssr-session-flow/client';

type FrontendConfig = Parameters<typeof SuperTokensReact.init>[0];
import type * as EmailVerificationModule from 'supertokens-auth-react/recipe/emailverification';

export function frontendConfig(): FrontendConfig {
  return {
    appInfo,
    recipeList: [
      EmailPasswordReact.init(),
      ...emailVerificationRecipe(),
      // Other tabs hear of sign-in, sign-out and refresh at once (see the session flow's
      // `session.*Elsewhere` events) instead of on their next request.
      SessionReact.init({ lockFactory: refreshLockFactory(), onHandleEvent: publishSessionEventsToOtherTabs() }),
    ],
    // The prebuilt UI navigates with the pages router instead of full page loads; from an App
    // Router page (no pages router there) it loads the document, as SuperTokens does by default.
    windowHandler: (original) => ({
      ...original,
      location: {
        ...original.location,
        setHref: (href: string) => {
          if (Router.router) void Router.push(href);
          else original.location.setHref(href);
        },
      },
    }),
    // `/auth?redirectToPath=...` is attacker-controlled: only ever send the user back to a path
    // on this origin, whatever string rules the SDK applies (a `/\evil.com` form passes those).
    getRedirectionURL: async (context) => {
      if (context.action === 'SUCCESS') {
        return toSameOriginPath(context.redirectToPath ?? '/', window.location.origin) ?? '/';
      }
      return undefined;
    },
  };
}

/**
 * The cross-tab lock around every refresh: the Web Locks API unless
 * NEXT_PUBLIC_SESSION_REFRESH_LOCK=supertokens asks for the SDK's own (browser-tabs-lock), an
 * escape hatch and the benchmark's baseline. See docs/decisions/005.
 */
function refreshLockFactory() {
  return process.env.NEXT_PUBLIC_SESSION_REFRESH_LOCK === 'supertokens' ? undefined : createWebLocksLockFactory();
}

/**
 * NEXT_PUBLIC_EMAIL_VERIFICATION=required, inlined at build time as on the server. Loaded with
 * `require` inside the inlined condition so a build without it carries none of its code.
 */
function emailVerificationRecipe() {
  if (process.env.NEXT_PUBLIC_EMAIL_VERIFICATION !== 'required') return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would ship it always
  const recipe: typeof EmailVerificationModule = require('supertokens-auth-react/recipe/emailverification');
  return [recipe.default.init({ mode: 'REQUIRED' })];
}

let initialised = false;

/** Idempotent and browser-only: `_app` calls it when its module loads, on the server too. */
export function ensureSuperTokensFrontendInit(): void {
  if (initialised || typeof window === 'undefined') return;
  SuperTokensReact.init(frontendConfig());
  initialised = true;
}
