'use client';

import '../supertokens/frontend';

/** SuperTokens, set up in the browser for the App Router's pages, as `_app` does for the pages router's. */
export function SuperTokensInit() {
  return null;
}
