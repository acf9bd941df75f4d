'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import SuperTokens from 'supertokens-auth-react';
import Session from 'supertokens-auth-react/recipe/session';
import { REFRESH_START_MARK } from 'ssr-session-flow/supertokens/client';
import { ensureAuthUi } from '../../../config/frontendConfig';

// The recipe runs on supertokens-auth-react, which the docs initialise in a root-layout provider;
// the demo's App Router pages run on supertokens-website alone, so the recipe brings its own.
ensureAuthUi();

/** The docs' `TryRefreshComponent`, timed from the same mark as the session flow's refresh. */
export function TryRefreshComponent() {
  const router = useRouter();
  const [didError, setDidError] = useState(false);
  useEffect(() => {
    performance.mark(REFRESH_START_MARK);
    Session.attemptRefreshingSession()
      .then((hasSession) => {
        if (hasSession) router.refresh();
        else void SuperTokens.redirectToAuth();
      })
      .catch(() => setDidError(true));
  }, [router]);
  return didError ? <p>Something went wrong, please reload the page.</p> : <p>Loading…</p>;
}
