import type { NextPageContext } from 'next';
import { isSessionOutcome, type SessionOutcome, type SessionPageProps } from 'ssr-session-flow/machine';

export const DEFAULT_SESSION_OUTCOME_ENDPOINT = '/api/session-outcome';

export interface InitialPropsSessionOptions {
  /** Also ask the core whether the session still exists (server side; see `SessionCheckOptions`). */
  checkDatabase?: boolean;
  /** Where `createSessionOutcomeApi()` is mounted; used when getInitialProps runs in the browser. */
  endpoint?: string;
}

export type InitialPropsHandler<P extends object> = (ctx: NextPageContext, session: { userId: string }) => Promise<P>;

/** How the server side decides; the browser build has none and asks the outcome API. */
export type ServerOutcome = (ctx: NextPageContext, options: InitialPropsSessionOptions) => Promise<SessionOutcome>;

/**
 * `withSessionInitialProps` for one side: getInitialProps runs on the server for the first load
 * and in the browser for client-side navigation, so the verdict comes from supertokens-node there
 * and from the outcome API here. Each build of the `server` entry passes its own side, so the
 * browser build never even refers to supertokens-node.
 */
export function sessionInitialProps(serverOutcome: ServerOutcome | null) {
  return function withSessionInitialProps<P extends object>(
    handler: InitialPropsHandler<P>,
    options: InitialPropsSessionOptions = {},
  ): (ctx: NextPageContext) => Promise<SessionPageProps<P>> {
    return async (ctx) => {
      const outcome = await resolveOutcome(ctx, options);
      if (outcome.status === 'needs-refresh') return { sessionOutcome: outcome, fromSupertokens: 'needs-refresh' };
      const props = await handler(ctx, { userId: outcome.userId });
      return { ...props, sessionOutcome: outcome };
    };
  };

  function resolveOutcome(ctx: NextPageContext, options: InitialPropsSessionOptions): Promise<SessionOutcome> {
    if (typeof window !== 'undefined') return fetchOutcome(options.endpoint ?? DEFAULT_SESSION_OUTCOME_ENDPOINT);
    if (!serverOutcome) {
      throw new Error(
        'withSessionInitialProps ran on the server from the browser build of ssr-session-flow/server: ' +
          'the bundler resolved the "browser" export condition for server code.',
      );
    }
    return serverOutcome(ctx, options);
  }
}

async function fetchOutcome(endpoint: string): Promise<SessionOutcome> {
  const response = await fetch(endpoint, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`Session outcome endpoint ${endpoint} answered ${response.status}`);
  const body: unknown = await response.json();
  const outcome = typeof body === 'object' && body !== null ? (body as { outcome?: unknown }).outcome : undefined;
  if (!isSessionOutcome(outcome)) throw new Error(`Session outcome endpoint ${endpoint} answered an unexpected body`);
  return outcome;
}
