import { Suspense } from 'react';
import { checkSession } from 'ssr-session-flow/app-router/server';
import { TryRefreshComponent } from './TryRefreshComponent';
import { requireBenchPages } from '../requireBenchPages';
import { mayUseCacheComponents } from '../../../lib/app-router/server/cacheComponentsFlag';

/**
 * For `npm run bench` only (404 unless ENABLE_BENCH_PAGES=1): SuperTokens' documented App Router
 * recipe, the baseline for `/bench-app-router/protected`. As the docs have it: the server
 * component checks the session; when the access token needs a refresh it renders a client
 * component that calls `attemptRefreshingSession()` and then `router.refresh()`. The same server
 * check (the kit's) and the same refresh lock (the build's), so only the recovery differs.
 */
/**
 * Inside `<Suspense>` exactly where the kit's `SessionLayout` checks inside one (like for like):
 * where `cacheComponents` may be on (the e2e build that has it), which asks it of a component that
 * reads the request.
 */
export default function AppRouterBenchDocsRecipe() {
  if (!mayUseCacheComponents()) return <DocsRecipe />;
  return (
    <Suspense fallback={null}>
      <DocsRecipe />
    </Suspense>
  );
}

async function DocsRecipe() {
  await requireBenchPages();
  const check = await checkSession();
  // `key`: a new component, so a new attempt, on every render that still needs one (the docs' own).
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request
  if (!check.session) return <TryRefreshComponent key={Date.now()} />;
  return (
    <p>
      Signed in as <code data-testid="user-id">{check.session.userId}</code>, rendered at {new Date().toISOString()}
    </p>
  );
}
