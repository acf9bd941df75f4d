import type { GetServerSideProps } from 'next';
import { SESSION_CACHE_CONTROL, withSession } from 'ssr-session-flow/pages-router/server';

/**
 * Pages for `npm run bench` only (404 unless the server runs with ENABLE_BENCH_PAGES=1), all with
 * the same content:
 * - `/bench/protected`: checked by `withSession`, recovered by `_app`;
 * - `/bench/protected-core`: the same with `checkDatabase: true` (one core call per render);
 * - `/bench/unprotected`: the same page and props without the check (the throughput baseline).
 * The SuperTokens docs recipe, the recovery baseline, is `/bench/docs-recipe`.
 */
interface BenchProps {
  userId: string;
  renderedAt: string;
}

const render = async (userId: string) => ({ props: { userId, renderedAt: new Date().toISOString() } });
const protectedProps = withSession<BenchProps>(async (_ctx, session) => render(session.userId));
const protectedWithCoreProps = withSession<BenchProps>(async (_ctx, session) => render(session.userId), { checkDatabase: true });

export const getServerSideProps: GetServerSideProps = async (ctx) => {
  if (process.env.ENABLE_BENCH_PAGES !== '1') return { notFound: true };
  switch (ctx.params?.variant) {
    case 'protected':
      return protectedProps(ctx);
    case 'protected-core':
      return protectedWithCoreProps(ctx);
    case 'unprotected':
      ctx.res.setHeader('Cache-Control', SESSION_CACHE_CONTROL);
      return render('bench-user');
    default:
      return { notFound: true };
  }
};

export default function BenchPage({ userId, renderedAt }: BenchProps) {
  return (
    <main>
      <p>
        Signed in as <code data-testid="user-id">{userId}</code>
      </p>
      <p>Rendered at {renderedAt}</p>
    </main>
  );
}
