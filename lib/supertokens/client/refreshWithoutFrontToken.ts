import { frontTokenFromCookies } from './frontToken';
import type { RefreshStrategy } from './refreshStrategy';
import { underRefreshLock } from './signOutBetweenRefreshes';
import { readSdkCookies } from './sdkCookies';

/** SuperTokens' readable record of the access token's last change; the SDK keeps it after dropping its front token. */
const LAST_ACCESS_TOKEN_UPDATE_COOKIE = 'st-last-access-token-update';

export interface RefreshEndpoint {
  /** `appInfo.apiDomain`: this page's origin by default. */
  apiDomain?: string;
  /** `appInfo.apiBasePath`: `/api/auth` by default (the kit's API route). */
  apiBasePath?: string;
}

/**
 * A refresh for a session the server saw (its verdict asked for a refresh) while this page holds no
 * front token. The browser keeps a sign-in's session cookies when the page that asked for it went
 * away before its script could write the front token (Back while the form was sending: soak seed
 * 1162). supertokens-website then says no session exists, refuses to refresh, and the user who
 * just signed in is sent to sign in again.
 *
 * Where the SDK has never seen a session here it refreshes by itself, and `refresh` does. Where it
 * dropped its front token (a sign-out, a refused refresh) it asks nothing: this sends the refresh
 * as SuperTokens' wire protocol documents it, under the SDK's lock, through the SDK's fetch
 * interception, which writes the answer's front token and tells the tabs of the session. A session
 * that is gone answers 401, and the user signs in.
 */
export async function refreshWithoutFrontToken(endpoint: RefreshEndpoint, refresh: RefreshStrategy): Promise<boolean> {
  if (!readCookie(await readSdkCookies(), LAST_ACCESS_TOKEN_UPDATE_COOKIE)) return refresh.refresh();
  // As SuperTokens normalises appInfo: no trailing slash on either part.
  const url = `${(endpoint.apiDomain ?? '').replace(/\/$/, '')}${(endpoint.apiBasePath ?? '/api/auth').replace(/\/$/, '')}/session/refresh`;
  return underRefreshLock(async () => {
    // A tab that held the lock may have refreshed meanwhile, or the user signed in again.
    if (await hasFrontToken()) return true;
    const response = await fetch(url, { method: 'POST', credentials: 'include', headers: { rid: 'session' } });
    if (response.status === 401) return false;
    if (response.status === 404) {
      console.error(
        `ssr-session-flow: ${url} answered 404, so a session without a front token cannot be refreshed and the user signs in again. ` +
          'Pass your appInfo.apiDomain and appInfo.apiBasePath to superTokensSessionPorts().',
      );
      return false;
    }
    // Read as the SDK's own refresh failures are: a 5xx is an outage or names the duplicate cookies.
    if (!response.ok) throw response;
    if (await hasFrontToken()) return true;
    throw new Error(
      response.headers.has('front-token')
        ? 'ssr-session-flow: the refresh answered with a front token that nothing wrote: is supertokens-website initialised on this page?'
        : "The refresh answered 200 but the 'front-token' header is missing",
    );
  });
}

async function hasFrontToken(): Promise<boolean> {
  return frontTokenFromCookies(await readSdkCookies()) !== null;
}

function readCookie(cookies: string, name: string): string | undefined {
  return cookies
    .split(/;\s*/)
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}
