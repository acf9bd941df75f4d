import type { GetServerSideProps } from 'next';
import { useEffect } from 'react';
import SuperTokens, { SuperTokensWrapper } from 'supertokens-auth-react';
import Session from 'supertokens-auth-react/recipe/session';
import { checkSession, SESSION_CACHE_CONTROL } from 'ssr-session-flow/pages-router/server';
import { REFRESH_START_MARK } from 'ssr-session-flow/supertokens/client';
import { ensureAuthUi } from '../../config/frontendConfig';

/**
 * For `npm run bench` only (404 unless ENABLE_BENCH_PAGES=1): SuperTokens' documented pages-router
 * recipe, the recovery baseline. As the docs have it: supertokens-auth-react initialised for the
 * page, nothing rendered while the server asks for a refresh, then `attemptRefreshingSession()` and
 * a full `location.reload()`; the page inside `SuperTokensWrapper` once the server accepts it.
 * The same server check as `/bench/protected`. Its prop is not `fromSupertokens`, so `_app`'s
 * session flow leaves it to the recipe. The refresh lock is the build's (Web Locks, or the SDK's
 * default with NEXT_PUBLIC_SESSION_REFRESH_LOCK=supertokens).
 */
ensureAuthUi();

type RecipeProps = { userId: string; renderedAt: string } | { docsRecipe: 'needs-refresh' };

export const getServerSideProps: GetServerSideProps<RecipeProps> = async (ctx) => {
  if (process.env.ENABLE_BENCH_PAGES !== '1') return { notFound: true };
  ctx.res.setHeader('Cache-Control', SESSION_CACHE_CONTROL);
  const check = await checkSession(ctx);
  if (!check.session) return { props: { docsRecipe: 'needs-refresh' } };
  return { props: { userId: check.session.userId, renderedAt: new Date().toISOString() } };
};

export default function DocsRecipePage(props: RecipeProps) {
  useEffect(() => {
    if (!('docsRecipe' in props)) return;
    // The docs' `_app` effect, timed from the same mark as the session flow's refresh.
    performance.mark(REFRESH_START_MARK);
    void Session.attemptRefreshingSession().then((refreshed) => {
      if (refreshed) location.reload();
      else void SuperTokens.redirectToAuth({ redirectBack: true });
    });
  }, [props]);
  if ('docsRecipe' in props) return null;
  return (
    <SuperTokensWrapper>
      <main>
        <p>
          Signed in as <code data-testid="user-id">{props.userId}</code>
        </p>
        <p>Rendered at {props.renderedAt}</p>
      </main>
    </SuperTokensWrapper>
  );
}
