import { notFound } from 'next/navigation';
import { connection } from 'next/server';

/**
 * The bench's App Router pages answer only when the server runs with ENABLE_BENCH_PAGES=1, and a
 * 404 otherwise. The flag is read per request (`connection()`): a build without it would otherwise
 * prerender the 404. Call it inside `<Suspense>` (what `cacheComponents` asks of a component that
 * reads the request).
 */
export async function requireBenchPages(): Promise<void> {
  await connection();
  if (process.env.ENABLE_BENCH_PAGES !== '1') notFound();
}
