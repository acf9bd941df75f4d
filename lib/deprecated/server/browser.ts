/**
 * `ssr-session-flow/server` (the 0.3 entry, deprecated) as a browser bundle sees it: only
 * `withSessionInitialProps`. Removed in 0.5.
 */
import type { NextPageContext } from 'next';
import { withSessionInitialProps as withVerdictInitialProps, type InitialPropsSessionOptions } from 'ssr-session-flow/pages-router/server';
import { DEFAULT_SESSION_OUTCOME_ENDPOINT, withLegacyVerdictProp, type LegacySessionPageProps } from './legacyProps';

/** @deprecated Since 0.4: `withSessionInitialProps` from `ssr-session-flow/pages-router/server`. */
export function withSessionInitialProps<P extends object>(
  handler: (ctx: NextPageContext, session: { userId: string }) => Promise<P>,
  options: InitialPropsSessionOptions = {},
): (ctx: NextPageContext) => Promise<LegacySessionPageProps<P>> {
  const page = withVerdictInitialProps(handler, { endpoint: DEFAULT_SESSION_OUTCOME_ENDPOINT, ...options });
  return async (ctx) => withLegacyVerdictProp(await page(ctx));
}

export { DEFAULT_SESSION_OUTCOME_ENDPOINT };
export type { InitialPropsSessionOptions, RequestContext, SessionCheck, SessionCheckOptions, VerifiedSession } from 'ssr-session-flow/pages-router/server';
