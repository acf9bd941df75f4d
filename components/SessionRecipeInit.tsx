'use client';

import { ensureSessionRecipe } from '../config/sessionConfig';

ensureSessionRecipe();

/**
 * What `_app` does for the pages router, for every App Router page: SuperTokens' Session recipe
 * (supertokens-website), initialised once when this client module loads. No supertokens-auth-react
 * here: these pages show none of its UI, and the session flow goes to sign in with the router.
 */
export function SessionRecipeInit() {
  return null;
}
