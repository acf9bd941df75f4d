import type { NextApiHandler } from 'next';
import { checkSession, expireStaleAccessTokens, SESSION_CACHE_CONTROL, type SessionCheckOptions } from 'ssr-session-flow/supertokens/server';

/**
 * `GET` answers `{ verdict }` for the request's cookies. `withSessionInitialProps` calls it when
 * getInitialProps runs in the browser (client-side navigation), where supertokens-node cannot.
 */
export function createSessionVerdictApi(options: SessionCheckOptions = {}): NextApiHandler {
  return async (req, res) => {
    res.setHeader('Cache-Control', SESSION_CACHE_CONTROL);
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      res.status(405).json({ error: 'Method not allowed: use GET.' });
      return;
    }
    const { verdict, duplicateSessionCookies } = await checkSession({ req }, options);
    if (duplicateSessionCookies) expireStaleAccessTokens(res, req.url, options.accessTokenPath);
    res.status(200).json({ verdict });
  };
}
