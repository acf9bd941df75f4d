import type { GetServerSideProps, GetServerSidePropsContext, GetServerSidePropsResult } from 'next';
import type { SessionPageProps } from 'ssr-session-flow/machine';
import {
  checkSession,
  expireStaleAccessTokens,
  SESSION_CACHE_CONTROL,
  type SessionCheckOptions,
  type VerifiedSession,
} from 'ssr-session-flow/supertokens/server';

export type SessionPageHandler<P extends object> = (
  ctx: GetServerSidePropsContext,
  session: VerifiedSession,
) => Promise<GetServerSidePropsResult<P>>;

/**
 * `export const getServerSideProps = withSession(async (ctx, session) => ({ props: {...} }))`
 *
 * The handler runs only for an accepted session. Otherwise the page gets
 * `{ sessionVerdict: { status: 'needs-refresh', reason }, fromSupertokens: 'needs-refresh' }` and
 * `_app` recovers in the browser. Redirects and `notFound` from the handler pass through. Stale
 * duplicates of the access-token cookie on the request's path are expired in the response.
 */
export function withSession<P extends object>(
  handler: SessionPageHandler<P>,
  options: SessionCheckOptions = {},
): GetServerSideProps<SessionPageProps<P>> {
  return async (ctx) => {
    ctx.res.setHeader('Cache-Control', SESSION_CACHE_CONTROL);
    const check = await checkSession(ctx, options);
    // After the handler, so that cookies it sets are added to, not replaced.
    const expireStale = () => check.duplicateSessionCookies && expireStaleAccessTokens(ctx.res, ctx.req.url, options.accessTokenPath);
    if (!check.session) {
      expireStale();
      return { props: { sessionVerdict: check.verdict, fromSupertokens: 'needs-refresh' } };
    }
    const result = await handler(ctx, check.session);
    expireStale();
    if (!('props' in result)) return result;
    const props = await result.props;
    return { props: { ...props, sessionVerdict: check.verdict } };
  };
}
