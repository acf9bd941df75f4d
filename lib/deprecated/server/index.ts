/**
 * `ssr-session-flow/server`, the 0.3 entry: its names, kept for 0.4 only. Each is deprecated in
 * favour of `ssr-session-flow/pages-router/server` (or the router-agnostic check in
 * `ssr-session-flow/supertokens/server`). Removed in 0.5.
 */
import type { GetServerSideProps, NextApiHandler } from 'next';
import type { SessionVerdict } from 'ssr-session-flow/machine';
import {
  checkSession as check,
  createSessionVerdictApi,
  getSessionVerdict,
  withSession as withVerdict,
  type RequestContext,
  type SessionCheck,
  type SessionCheckOptions,
  type SessionPageHandler,
} from 'ssr-session-flow/pages-router/server';
import { withLegacyVerdictProp, type LegacySessionPageProps } from './legacyProps';

/** @deprecated Since 0.4: `checkSession` from `ssr-session-flow/pages-router/server` (`outcome` is `verdict`). */
export async function checkSession(ctx: RequestContext, options: SessionCheckOptions = {}): Promise<SessionCheck & { outcome: SessionVerdict }> {
  const result = await check(ctx, options);
  return { ...result, outcome: result.verdict };
}

/** @deprecated Since 0.4: `getSessionVerdict` from `ssr-session-flow/pages-router/server`. */
export const getSessionOutcome = getSessionVerdict;

/** @deprecated Since 0.4: `withSession` from `ssr-session-flow/pages-router/server` (the prop is `sessionVerdict`). */
export function withSession<P extends object>(handler: SessionPageHandler<P>, options: SessionCheckOptions = {}): GetServerSideProps<LegacySessionPageProps<P>> {
  const page = withVerdict(handler, options);
  return async (ctx) => {
    const result = await page(ctx);
    if (!('props' in result)) return result;
    return { ...result, props: withLegacyVerdictProp(await result.props) };
  };
}

/** @deprecated Since 0.4: `createSessionVerdictApi` from `ssr-session-flow/pages-router/server`. */
export function createSessionOutcomeApi(options: SessionCheckOptions = {}): NextApiHandler {
  const api = createSessionVerdictApi(options);
  return async (req, res) => {
    // The body as 0.3 answered it, `{ outcome }`, and as 0.4 reads it, `{ verdict }`.
    const json = res.json.bind(res);
    res.json = (body: { verdict?: SessionVerdict }) => json(body.verdict ? { ...body, outcome: body.verdict } : body);
    await api(req, res);
  };
}

export { DEFAULT_SESSION_OUTCOME_ENDPOINT, withSessionInitialProps } from './browser';
export {
  ACCESS_TOKEN_COOKIE,
  SESSION_CACHE_CONTROL,
  type RequestContext,
  type SessionCheck,
  type SessionCheckOptions,
  type VerifiedSession,
} from 'ssr-session-flow/supertokens/server';
export { createAuthApiRoute, type InitialPropsSessionOptions, type SessionPageHandler } from 'ssr-session-flow/pages-router/server';
