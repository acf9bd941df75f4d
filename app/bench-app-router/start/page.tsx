import Link from 'next/link';
import { Suspense } from 'react';
import { StartReady } from './StartReady';
import { requireBenchPages } from '../requireBenchPages';

/**
 * For `npm run bench` only (404 unless ENABLE_BENCH_PAGES=1): a page without a session check where
 * the App Router's client navigations start, to our protected page or to the docs recipe. Its
 * links keep Next's default prefetch, a production app's.
 */
export default function AppRouterBenchStart() {
  // Inside `<Suspense>`, as the other bench pages read the request: what `cacheComponents` (the
  // e2e build that has it) asks of a component that does.
  return (
    <Suspense fallback={null}>
      <BenchStart />
    </Suspense>
  );
}

async function BenchStart() {
  await requireBenchPages();
  return (
    <main>
      <StartReady />
      <p>Bench start page: no session check.</p>
      <ul>
        <li>
          <Link href="/bench-app-router/protected">Protected (ssr-session-flow)</Link>
        </li>
        <li>
          <Link href="/bench-app-router/docs-recipe">Protected (SuperTokens docs recipe)</Link>
        </li>
      </ul>
    </main>
  );
}
