'use client';

import type { ReactNode } from 'react';
import { SuperTokensWrapper } from 'supertokens-auth-react';
import { ensureAuthUi } from '../config/frontendConfig';

ensureAuthUi();

/** What `_app` does for the pages router: SuperTokens, initialised once, around every App Router page. */
export function AppRouterProviders({ children }: { children: ReactNode }) {
  return <SuperTokensWrapper>{children}</SuperTokensWrapper>;
}
