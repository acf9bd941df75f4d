import { withSession } from 'ssr-session-flow/app-router/server';
import { requireBenchPages } from '../requireBenchPages';

/**
 * For `npm run bench` only (404 unless ENABLE_BENCH_PAGES=1): an App Router protected page,
 * recovered by its layout's `SessionBoundary` with `router.refresh()`. The baseline, SuperTokens'
 * App Router recipe, is `/bench-app-router/docs-recipe`, with the same content. Neither has the
 * demo's navigation: its links' prefetches would race the recovery's own requests.
 */
export default async function AppRouterBenchProtected() {
  await requireBenchPages();
  return <SignedIn />;
}

const SignedIn = withSession(async (_props: object, session) => (
  <p>
    Signed in as <code data-testid="user-id">{session.userId}</code>, rendered at {new Date().toISOString()}
  </p>
));
