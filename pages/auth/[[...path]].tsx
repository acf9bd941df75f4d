import dynamic from 'next/dynamic';
import Head from 'next/head';
import { useEffect } from 'react';
import SuperTokens, { SuperTokensWrapper } from 'supertokens-auth-react';
import { EmailPasswordPreBuiltUI } from 'supertokens-auth-react/recipe/emailpassword/prebuiltui';
import { canHandleRoute, getRoutingComponent } from 'supertokens-auth-react/ui';
import { watchSignInPageForSession } from 'ssr-session-flow/supertokens/client';
import { ensureAuthUi } from '../../config/frontendConfig';
import { navigate } from '../../config/sessionConfig';

import type * as EmailVerificationUI from 'supertokens-auth-react/recipe/emailverification/prebuiltui';

// The only page that loads supertokens-auth-react and its prebuilt UI (docs/decisions/014).
ensureAuthUi();

const preBuiltUIs = [EmailPasswordPreBuiltUI, ...emailVerificationUI()];

// The prebuilt UI reads window.location: render it in the browser only.
const AuthRoutes = dynamic(async () => () => getRoutingComponent(preBuiltUIs), { ssr: false });

export default function Auth() {
  useEffect(() => {
    if (!canHandleRoute(preBuiltUIs)) void SuperTokens.redirectToAuth({ redirectBack: false });
  }, []);
  // A signed-in user whose refresh failed on the network sees the form: taken on once it answers.
  useEffect(() => watchSignInPageForSession({ navigate }), []);
  return (
    <>
      <Head>
        <title>Sign in · ssr-session-flow</title>
      </Head>
      <main>
        {/* The session context the prebuilt UI reads (`_app` no longer provides it to every page). */}
        <SuperTokensWrapper>
          <AuthRoutes />
        </SuperTokensWrapper>
      </main>
    </>
  );
}

/**
 * `/auth/verify-email` when NEXT_PUBLIC_EMAIL_VERIFICATION=required (inlined at build time); a
 * build without it carries none of this UI's code, hence `require` behind the constant.
 */
function emailVerificationUI() {
  if (process.env.NEXT_PUBLIC_EMAIL_VERIFICATION !== 'required') return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would ship it always
  const ui: typeof EmailVerificationUI = require('supertokens-auth-react/recipe/emailverification/prebuiltui');
  return [ui.EmailVerificationPreBuiltUI];
}
