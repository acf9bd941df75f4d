import type { GetServerSideProps, GetServerSidePropsContext, GetServerSidePropsResult } from 'next';
import type { SessionPageProps } from 'ssr-session-flow/machine';
import { checkSession, SESSION_CACHE_CONTROL, type SessionCheckOptions, type VerifiedSession } from 'ssr-session-flow/supertokens/server';

export type SessionPageHandler<P extends object> = (
  ctx: GetServerSidePropsContext,
  session: VerifiedSession,
) => Promise<GetServerSidePropsResult<P>>;

/**
 * `export const getServerSideProps = withSession(async (ctx, session) => ({ props: {...} }))`
 *
 * The handler runs only for an accepted session. Otherwise the page gets
 * `{ sessionVerdict: { status: 'needs-refresh', reason }, fromSupertokens: 'needs-refresh' }` and
 * `_app` recovers in the browser. Redirects and `notFound` from the handler pass through.
 */
export function withSession<P extends object>(
  handler: SessionPageHandler<P>,
  options: SessionCheckOptions = {},
): GetServerSideProps<SessionPageProps<P>> {
  return async (ctx) => {
    ctx.res.setHeader('Cache-Control', SESSION_CACHE_CONTROL);
    const check = await checkSession(ctx, options);
    if (!check.session) {
      return { props: { sessionVerdict: check.verdict, fromSupertokens: 'needs-refresh' } };
    }
    const result = await handler(ctx, check.session);
    if (!('props' in result)) return result;
    const props = await result.props;
    return { props: { ...props, sessionVerdict: check.verdict } };
  };
}
