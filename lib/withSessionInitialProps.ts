import type { NextPageContext } from 'next';
import type { SessionCheckOptions } from './server/getSessionOutcome';
import { isSessionOutcome, type SessionOutcome, type SessionPageProps } from './sessionOutcome';

export const DEFAULT_SESSION_OUTCOME_ENDPOINT = '/api/session-outcome';

export interface InitialPropsSessionOptions extends SessionCheckOptions {
  /** Where `createSessionOutcomeApi()` is mounted; used when getInitialProps runs in the browser. */
  endpoint?: string;
}

/**
 * `Page.getInitialProps = withSessionInitialProps(async (ctx, session) => ({ ... }))`
 *
 * getInitialProps runs on the server for the first load and in the browser for client-side
 * navigation, so the verdict comes from supertokens-node there and from the outcome API here.
 */
export function withSessionInitialProps<P extends object>(
  handler: (ctx: NextPageContext, session: { userId: string }) => Promise<P>,
  options: InitialPropsSessionOptions = {},
): (ctx: NextPageContext) => Promise<SessionPageProps<P>> {
  return async (ctx) => {
    const outcome = await resolveOutcome(ctx, options);
    if (outcome.status === 'needs-refresh') return { sessionOutcome: outcome, fromSupertokens: 'needs-refresh' };
    const props = await handler(ctx, { userId: outcome.userId });
    return { ...props, sessionOutcome: outcome };
  };
}

async function resolveOutcome(ctx: NextPageContext, options: InitialPropsSessionOptions): Promise<SessionOutcome> {
  if (typeof window === 'undefined') {
    if (!ctx.req) throw new Error('withSessionInitialProps: no request to check (is this page statically exported?)');
    // Next compiles this branch out of browser bundles, so supertokens-node never ships to them.
    const { checkSession, SESSION_CACHE_CONTROL } = await import('./server/getSessionOutcome');
    ctx.res?.setHeader('Cache-Control', SESSION_CACHE_CONTROL);
    return (await checkSession({ req: ctx.req }, options)).outcome;
  }
  return fetchOutcome(options.endpoint ?? DEFAULT_SESSION_OUTCOME_ENDPOINT);
}

async function fetchOutcome(endpoint: string): Promise<SessionOutcome> {
  const response = await fetch(endpoint, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`Session outcome endpoint ${endpoint} answered ${response.status}`);
  const body: unknown = await response.json();
  const outcome = typeof body === 'object' && body !== null ? (body as { outcome?: unknown }).outcome : undefined;
  if (!isSessionOutcome(outcome)) throw new Error(`Session outcome endpoint ${endpoint} answered an unexpected body`);
  return outcome;
}
