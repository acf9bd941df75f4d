import type { NextApiRequest, NextApiResponse } from 'next';
import { middleware } from 'supertokens-node/framework/express';
import { superTokensNextWrapper } from 'supertokens-node/nextjs';
import {
  expireStaleAccessTokensOnHeaders,
  sameHostRefererPath,
  settleDuplicateAccessTokens,
  type SessionCheckOptions,
} from 'ssr-session-flow/supertokens/server';

/** Auth responses carry tokens: no cache may keep them. */
const AUTH_CACHE_CONTROL = 'no-cache, no-store, max-age=0, must-revalidate';
/** What supertokens-node says when a request carries two session cookies and `olderCookieDomain` is unset. */
const DUPLICATE_COOKIES_TEXT = 'multiple session cookies';
/** The refresh and sign-out endpoints' paths under any `apiBasePath` (supertokens-node's own constants). */
const REFRESH_PATH_SUFFIX = '/session/refresh';
const SIGN_OUT_PATH_SUFFIX = '/signout';

export type AuthApiRouteOptions = Pick<SessionCheckOptions, 'accessTokenPath'>;

/**
 * The SuperTokens API route of the pages router (`pages/api/auth/[[...path]].ts`):
 * `export default createAuthApiRoute(ensureSuperTokensInit)`.
 *
 * Beyond the SDK's own wrapper: no response is cacheable; a path the SDK does not handle is a 404
 * instead of a hanging request; and a stale duplicate of the access-token cookie (an old
 * deployment's, on a narrower path or a parent domain) blocks neither signing in nor refreshing
 * (`settleDuplicateAccessTokens`: the request is read with the one token that verifies, and the
 * stale cookies this response can reach are expired, and a refresh or a sign-out also expires them
 * on the path of the page that sent it, where a cookie the request does not carry may block that
 * page: `sameHostRefererPath`). A refresh goes to the SDK untouched first,
 * so an app that set `olderCookieDomain` keeps the SDK's own clearing; only the SDK's refusal is
 * retried with the settled request.
 *
 * What the SDK still refuses (two valid tokens of different sessions: a conflict, never a choice;
 * duplicate refresh tokens) keeps its meaning: left alone, that refusal becomes Next's bare
 * "Internal Server Error", which a browser cannot tell from an outage and would retry for ever;
 * answered with the SDK's message, the session flow stops in `stuck` with a reason that names it.
 */
export function createAuthApiRoute(ensureInit: () => void, options: AuthApiRouteOptions = {}) {
  const runSdk = (req: NextApiRequest, res: NextApiResponse) =>
    superTokensNextWrapper(
      async (next) => {
        res.setHeader('Cache-Control', AUTH_CACHE_CONTROL);
        await middleware()(req, res, next);
      },
      req,
      res,
    );

  return async function authApiRoute(req: NextApiRequest, res: NextApiResponse): Promise<void> {
    ensureInit();
    const path = (req.url ?? '').split('?', 1)[0]!;
    const isRefresh = req.method === 'POST' && path.endsWith(REFRESH_PATH_SUFFIX);
    if (req.method === 'POST' && (isRefresh || path.endsWith(SIGN_OUT_PATH_SUFFIX))) {
      expireStaleAccessTokensOnHeaders(res, sameHostRefererPath(req), options.accessTokenPath);
    }
    try {
      if (!isRefresh) await settleDuplicateAccessTokens(req, res, options);
      try {
        await runSdk(req, res);
      } catch (error) {
        if (!isRefresh || !isDuplicateCookiesError(error) || res.headersSent) throw error;
        if ((await settleDuplicateAccessTokens(req, res, options)) !== 'settled') throw error;
        await runSdk(req, res);
      }
    } catch (error) {
      if (!isDuplicateCookiesError(error) || res.headersSent) throw error;
      console.warn(`[auth] ${req.url ?? ''}: ${error.message}`);
      res.status(500).json({ message: error.message });
      return;
    }
    if (!res.writableEnded) res.status(404).send('Not found');
  };
}

function isDuplicateCookiesError(error: unknown): error is Error {
  return error instanceof Error && error.message.toLowerCase().includes(DUPLICATE_COOKIES_TEXT);
}
