import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACCESS_TOKEN_COOKIE } from './accessTokenCookie';
import { chooseAccessToken, type SessionCheckOptions } from './checkSession';
import { keepOneCookieValue, readCookies } from './readCookie';
import { expireStaleAccessTokensOnHeaders } from './staleAccessTokens';

/**
 * Before supertokens-node handles a request (its auth routes: refresh, sign-in, sign-out): when
 * the request carries several access-token cookies, the SDK refuses it outright (a 500 for a
 * refresh, "try refresh" for everything else), so one stale cookie on `/api` would block every
 * refresh for ever, and signing in again would not help. Here the request is handed on with the
 * one token that verifies, or with none when none does (a refresh needs only the refresh token);
 * the stale cookies the response can reach are expired. Two tokens of different sessions that both
 * verify are left for the SDK to refuse: a conflict, never a choice.
 *
 * Answers what it found: `none` (at most one access token), `settled` (the request now carries
 * at most one), `conflict` (left as it was).
 */
export async function settleDuplicateAccessTokens(
  req: Pick<IncomingMessage, 'headers' | 'url'>,
  res: ServerResponse,
  options: SessionCheckOptions = {},
): Promise<'none' | 'settled' | 'conflict'> {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return 'none';
  const accessTokens = readCookies(header, ACCESS_TOKEN_COOKIE);
  if (accessTokens.length < 2) return 'none';
  expireStaleAccessTokensOnHeaders(res, req.url, options.accessTokenPath);
  const choice = await chooseAccessToken(accessTokens, options);
  if (choice.conflict) return 'conflict';
  req.headers.cookie = keepOneCookieValue(header, ACCESS_TOKEN_COOKIE, choice.chosen);
  return 'settled';
}
