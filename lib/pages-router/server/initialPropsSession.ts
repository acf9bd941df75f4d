import type { NextPageContext } from 'next';
import { isSessionVerdict, type SessionVerdict, type SessionPageProps } from 'ssr-session-flow/machine';

export const DEFAULT_SESSION_VERDICT_ENDPOINT = '/api/session-verdict';

export interface InitialPropsSessionOptions {
  /** Also ask the core whether the session still exists (server side; see `SessionCheckOptions`). */
  checkDatabase?: boolean;
  /** SuperTokens' access-token path, when `Session.init` sets one (see `SessionCheckOptions`). */
  accessTokenPath?: string;
  /** Where `createSessionVerdictApi()` is mounted; used when getInitialProps runs in the browser. */
  endpoint?: string;
}

export type InitialPropsHandler<P extends object> = (ctx: NextPageContext, session: { userId: string }) => Promise<P>;

/** How the server side decides; the browser build has none and asks the verdict API. */
export type ServerVerdict = (ctx: NextPageContext, options: InitialPropsSessionOptions) => Promise<SessionVerdict>;

/**
 * `withSessionInitialProps` for one side: getInitialProps runs on the server for the first load
 * and in the browser for client-side navigation, so the verdict comes from supertokens-node there
 * and from the verdict API here. Each build of the `pages-router/server` entry passes its own side, so the
 * browser build never even refers to supertokens-node.
 */
export function sessionInitialProps(serverVerdict: ServerVerdict | null) {
  return function withSessionInitialProps<P extends object>(
    handler: InitialPropsHandler<P>,
    options: InitialPropsSessionOptions = {},
  ): (ctx: NextPageContext) => Promise<SessionPageProps<P>> {
    return async (ctx) => {
      const verdict = await resolveVerdict(ctx, options);
      if (verdict.status === 'needs-refresh') return { sessionVerdict: verdict, fromSupertokens: 'needs-refresh' };
      const props = await handler(ctx, { userId: verdict.userId });
      return { ...props, sessionVerdict: verdict };
    };
  };

  function resolveVerdict(ctx: NextPageContext, options: InitialPropsSessionOptions): Promise<SessionVerdict> {
    if (typeof window !== 'undefined') return fetchVerdict(options.endpoint ?? DEFAULT_SESSION_VERDICT_ENDPOINT);
    if (!serverVerdict) {
      throw new Error(
        'withSessionInitialProps ran on the server from the browser build of ssr-session-flow/pages-router/server: ' +
          'the bundler resolved the "browser" export condition for server code.',
      );
    }
    return serverVerdict(ctx, options);
  }
}

async function fetchVerdict(endpoint: string): Promise<SessionVerdict> {
  const response = await fetch(endpoint, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`Session verdict endpoint ${endpoint} answered ${response.status}`);
  const body: unknown = await response.json();
  const verdict = typeof body === 'object' && body !== null ? (body as { verdict?: unknown }).verdict : undefined;
  if (!isSessionVerdict(verdict)) throw new Error(`Session verdict endpoint ${endpoint} answered an unexpected body`);
  return verdict;
}
