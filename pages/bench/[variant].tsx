import type { GetServerSideProps } from 'next';
import { useEffect } from 'react';
import SuperTokens from 'supertokens-auth-react';
import Session from 'supertokens-auth-react/recipe/session';
import { checkSession, SESSION_CACHE_CONTROL, withSession } from 'ssr-session-flow/server';
import { REFRESH_START_MARK } from 'ssr-session-flow/client';

/**
 * Pages for `npm run bench` only (404 unless the server runs with ENABLE_BENCH_PAGES=1):
 * - `/bench/protected`: a page checked by `withSession`, recovered by `_app`;
 * - `/bench/unprotected`: the same page and props without the check (throughput baseline);
 * - `/bench/docs-recipe`: SuperTokens' documented pages-router recipe (refresh, then a full
 *   `location.reload()`), the recovery-time baseline. Its prop is not `fromSupertokens`, so
 *   `_app` leaves it to the recipe.
 */
type BenchProps = { userId: string; renderedAt: string } | { docsRecipe: 'needs-refresh' };

const protectedProps = withSession<{ userId: string; renderedAt: string }>(async (_ctx, session) => ({
  props: { userId: session.userId, renderedAt: new Date().toISOString() },
}));

export const getServerSideProps: GetServerSideProps = async (ctx) => {
  if (process.env.ENABLE_BENCH_PAGES !== '1') return { notFound: true };
  switch (ctx.params?.variant) {
    case 'protected':
      return protectedProps(ctx);
    case 'unprotected':
      ctx.res.setHeader('Cache-Control', SESSION_CACHE_CONTROL);
      return { props: { userId: 'bench-user', renderedAt: new Date().toISOString() } };
    case 'docs-recipe': {
      ctx.res.setHeader('Cache-Control', SESSION_CACHE_CONTROL);
      const check = await checkSession(ctx);
      if (!check.session) return { props: { docsRecipe: 'needs-refresh' } };
      return { props: { userId: check.session.userId, renderedAt: new Date().toISOString() } };
    }
    default:
      return { notFound: true };
  }
};

export default function BenchPage(props: BenchProps) {
  useEffect(() => {
    if (!('docsRecipe' in props)) return;
    // The SuperTokens docs' `_app` effect, verbatim in behaviour, timed from the same mark as ours.
    performance.mark(REFRESH_START_MARK);
    void Session.attemptRefreshingSession().then((refreshed) => {
      if (refreshed) location.reload();
      else void SuperTokens.redirectToAuth({ redirectBack: true });
    });
  }, [props]);
  if ('docsRecipe' in props) return null;
  return (
    <main>
      <p>
        Signed in as <code data-testid="user-id">{props.userId}</code>
      </p>
      <p>Rendered at {props.renderedAt}</p>
    </main>
  );
}
