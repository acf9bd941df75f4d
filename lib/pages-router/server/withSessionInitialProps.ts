import { checkSession, expireStaleAccessTokens, SESSION_CACHE_CONTROL } from 'ssr-session-flow/supertokens/server';
import { sessionInitialProps } from './initialPropsSession';

export { DEFAULT_SESSION_VERDICT_ENDPOINT, type InitialPropsSessionOptions } from './initialPropsSession';

/**
 * `Page.getInitialProps = withSessionInitialProps(async (ctx, session) => ({ ... }))`
 *
 * On the server it verifies the request like `withSession`; in the browser (client-side
 * navigation) it asks the verdict API (`createSessionVerdictApi`).
 */
export const withSessionInitialProps = sessionInitialProps(async (ctx, options) => {
  if (!ctx.req) throw new Error('withSessionInitialProps: no request to check (is this page statically exported?)');
  ctx.res?.setHeader('Cache-Control', SESSION_CACHE_CONTROL);
  const check = await checkSession({ req: ctx.req }, options);
  if (check.duplicateSessionCookies && ctx.res) expireStaleAccessTokens(ctx.res, ctx.req.url, options.accessTokenPath);
  return check.verdict;
});
