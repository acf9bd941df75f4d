import { CollectingResponse, PreParsedRequest, errorHandler, middleware } from 'supertokens-node/framework/custom';
import Session from 'supertokens-node/recipe/session';
import { API_DOMAIN } from './sdk';

interface StoredCookie {
  value: string;
  path: string;
}

export interface ApiResult {
  status: number;
  body: Record<string, unknown> | undefined;
  headers: Headers;
}

export type SsrVerdict = { status: 'ok'; userId: string } | { status: 'TRY_REFRESH_TOKEN' | 'UNAUTHORISED' };

/**
 * A cookie-keeping client that talks to the SDK's request handling in process, the way the
 * browser talks to the app's `/api/auth/*` routes and SSR pages (cookie-based sessions).
 */
export class Browser {
  private readonly jar = new Map<string, StoredCookie>();

  cookie(name: string): string | undefined {
    return this.jar.get(name)?.value;
  }

  setCookie(name: string, value: string, path = '/'): void {
    this.jar.set(name, { value, path });
  }

  async api(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult> {
    const { request, response } = this.exchange(method, path, body);
    const result = await middleware()(request, response);
    if (result.error) await errorHandler()(result.error, request, response, () => undefined);
    else if (!result.handled) return { status: 404, body: undefined, headers: response.headers };
    this.remember(response);
    return {
      status: response.statusCode,
      body: response.body ? (JSON.parse(response.body) as Record<string, unknown>) : undefined,
      headers: response.headers,
    };
  }

  /** What getServerSideProps does: read the session from the request's cookies. */
  async ssrSession(path = '/protected'): Promise<SsrVerdict> {
    const { request, response } = this.exchange('GET', path);
    try {
      const session = await Session.getSession(request, response, { sessionRequired: true });
      this.remember(response);
      return { status: 'ok', userId: session.getUserId() };
    } catch (error) {
      if (Session.Error.isErrorFromSuperTokens(error) && error.type === Session.Error.TRY_REFRESH_TOKEN) {
        return { status: 'TRY_REFRESH_TOKEN' };
      }
      if (Session.Error.isErrorFromSuperTokens(error) && error.type === Session.Error.UNAUTHORISED) {
        return { status: 'UNAUTHORISED' };
      }
      throw error;
    }
  }

  private exchange(method: 'GET' | 'POST', path: string, body?: unknown) {
    const url = new URL(path, API_DOMAIN);
    const cookies: Record<string, string> = {};
    for (const [name, cookie] of this.jar) if (url.pathname.startsWith(cookie.path)) cookies[name] = cookie.value;
    const request = new PreParsedRequest({
      url: url.toString(),
      method: method.toLowerCase() as 'get' | 'post',
      // supertokens-website asks for cookie-based sessions with this header.
      headers: new Headers({ 'st-auth-mode': 'cookie', ...(body === undefined ? {} : { 'content-type': 'application/json' }) }),
      cookies,
      query: Object.fromEntries(url.searchParams),
      getJSONBody: async () => body ?? {},
      getFormBody: async () => ({}),
    });
    return { request, response: new CollectingResponse() };
  }

  private remember(response: CollectingResponse): void {
    for (const cookie of response.cookies) {
      if (cookie.expires <= Date.now() || cookie.value === '') this.jar.delete(cookie.key);
      else this.jar.set(cookie.key, { value: cookie.value, path: cookie.path });
    }
  }
}
