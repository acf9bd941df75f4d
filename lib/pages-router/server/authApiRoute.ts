import type { NextApiRequest, NextApiResponse } from 'next';
import { middleware } from 'supertokens-node/framework/express';
import { superTokensNextWrapper } from 'supertokens-node/nextjs';

/** Auth responses carry tokens: no cache may keep them. */
const AUTH_CACHE_CONTROL = 'no-cache, no-store, max-age=0, must-revalidate';
/** What supertokens-node says when a request carries two session cookies and `olderCookieDomain` is unset. */
const DUPLICATE_COOKIES_TEXT = 'multiple session cookies';

/**
 * The SuperTokens API route of the pages router (`pages/api/auth/[[...path]].ts`):
 * `export default createAuthApiRoute(ensureSuperTokensInit)`.
 *
 * Beyond the SDK's own wrapper: no response is cacheable; a path the SDK does not handle is a 404
 * instead of a hanging request; and the SDK's refusal of duplicate session cookies keeps its
 * meaning. Left alone, that refusal becomes Next's bare "Internal Server Error", which a browser
 * cannot tell from an outage and would retry for ever; answered with the SDK's message, the
 * session flow recognises it and stops in `stuck` with a reason that names it.
 */
export function createAuthApiRoute(ensureInit: () => void) {
  return async function authApiRoute(req: NextApiRequest, res: NextApiResponse): Promise<void> {
    ensureInit();
    try {
      await superTokensNextWrapper(
        async (next) => {
          res.setHeader('Cache-Control', AUTH_CACHE_CONTROL);
          await middleware()(req, res, next);
        },
        req,
        res,
      );
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
