import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACCESS_TOKEN_COOKIE } from './accessTokenCookie';

/**
 * Expiring a stale access-token cookie the server can reach.
 *
 * A `Cookie` header says nothing of a cookie's path or domain, but a browser sends a cookie only
 * to paths under its own: a stale duplicate the request carried sits on one of the request path's
 * prefixes. Each of those but SuperTokens' own access-token path gets an expiring `Set-Cookie`
 * (host-only, so a parent domain's cookie is out of reach: the server cannot tell which domain is
 * the stale one, and a guess could sign the user out). The real cookie, on its own path, is never
 * touched. Bounded: the shallowest prefixes only, where old deployments leave cookies.
 */
export const MAX_STALE_COOKIE_PATHS = 8;

/** The path SuperTokens sets the access token on (`Session.init`'s `accessTokenPath`). */
export const DEFAULT_ACCESS_TOKEN_PATH = '/';

const EXPIRED = 'Thu, 01 Jan 1970 00:00:00 GMT';

/** `Set-Cookie` values that expire `sAccessToken` on each prefix of the paths of `requestUrls` except `accessTokenPath`. */
export function staleAccessTokenExpiries(requestUrls: string | undefined | ReadonlyArray<string | undefined>, accessTokenPath = DEFAULT_ACCESS_TOKEN_PATH): string[] {
  const keep = withoutTrailingSlash(accessTokenPath);
  const urls = typeof requestUrls === 'string' || requestUrls === undefined ? [requestUrls] : requestUrls;
  const paths = new Set(urls.flatMap((url) => pathPrefixes(url).filter((prefix) => prefix !== keep).slice(0, MAX_STALE_COOKIE_PATHS)));
  return [...paths].map((prefix) => `${ACCESS_TOKEN_COOKIE}=; Path=${prefix}; Expires=${EXPIRED}; Max-Age=0; HttpOnly; SameSite=Lax`);
}

/** Adds the expiries to what the response already sets (a page's own cookies stay). */
export function expireStaleAccessTokens(
  res: Pick<ServerResponse, 'getHeader' | 'setHeader'>,
  requestUrls: string | undefined | ReadonlyArray<string | undefined>,
  accessTokenPath?: string,
): void {
  const expiries = staleAccessTokenExpiries(requestUrls, accessTokenPath);
  if (expiries.length === 0) return;
  const previous = res.getHeader('Set-Cookie');
  const kept = previous === undefined ? [] : Array.isArray(previous) ? previous : [String(previous)];
  res.setHeader('Set-Cookie', [...kept, ...expiries]);
}

/**
 * As `expireStaleAccessTokens`, at the moment the headers go out: for responses written by code
 * that replaces any `sAccessToken` Set-Cookie it finds (supertokens-node does, when it sets its
 * own). Asked again for the same response, it adds the new URLs' paths.
 */
export function expireStaleAccessTokensOnHeaders(
  res: ServerResponse,
  requestUrls: string | undefined | ReadonlyArray<string | undefined>,
  accessTokenPath?: string,
): void {
  const urls = typeof requestUrls === 'string' || requestUrls === undefined ? [requestUrls] : requestUrls;
  const pending = pendingExpiries.get(res);
  if (pending) {
    pending.urls.push(...urls);
    return;
  }
  const entry = { urls: [...urls], accessTokenPath };
  pendingExpiries.set(res, entry);
  const writeHead = res.writeHead;
  // `end()` without `writeHead()` calls it too (Node's implicit header), so every response passes here.
  res.writeHead = function writeHeadWithExpiries(this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    res.writeHead = writeHead;
    if (!this.headersSent) expireStaleAccessTokens(this, entry.urls, entry.accessTokenPath);
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
}

/**
 * The path of the page that sent a request, from its `Referer`, when that page is on the
 * request's own host (an API on another host has other cookies). A refresh or a sign-out comes
 * from the page whose stale cookie may stand in the way, a cookie the request itself does not
 * carry: expired from here, it no longer blocks that page (an App Router page, whose server
 * components cannot write cookies). A referrer policy that withholds the path leaves nothing.
 */
export function sameHostRefererPath(req: Pick<IncomingMessage, 'headers'>): string | undefined {
  const { referer, host } = req.headers;
  if (typeof referer !== 'string' || typeof host !== 'string') return undefined;
  try {
    const url = new URL(referer);
    return url.host === host ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}

const pendingExpiries = new WeakMap<ServerResponse, { urls: Array<string | undefined>; accessTokenPath: string | undefined }>();

/**
 * What a cookie path can hold. A segment with anything else (`;` above all, which would end the
 * `Path` attribute and start one the request chose) ends the list: no cookie can sit below it.
 */
const COOKIE_PATH_SEGMENT = /^[\w\-.~!$&'()*+=:@%]+$/;

/** '/a/b/c?x' → ['/a', '/a/b', '/a/b/c']; the raw path as sent, which is what cookie paths match. */
function pathPrefixes(requestUrl: string | undefined): string[] {
  if (!requestUrl) return [];
  const path = requestUrl.split(/[?#]/, 1)[0] ?? '';
  if (!path.startsWith('/')) return [];
  const segments = path.split('/').filter((segment) => segment.length > 0);
  const safe = segments.findIndex((segment) => !COOKIE_PATH_SEGMENT.test(segment));
  const kept = safe === -1 ? segments : segments.slice(0, safe);
  return kept.map((_, index) => `/${kept.slice(0, index + 1).join('/')}`);
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
