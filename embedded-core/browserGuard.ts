import { CoreHttpError } from './errors';
import type { CoreRequest } from './http';

/**
 * Headers that browsers attach and server-side HTTP clients do not. Node's fetch (undici), which
 * supertokens-node uses, sends `sec-fetch-mode: cors` on every request, so that header alone
 * proves nothing; `sec-fetch-site`, `sec-fetch-dest` and `sec-fetch-user` come only from
 * browsers, and so does `origin` (jose fetches the JWKS with node:http, which sends none of these).
 */
const BROWSER_ONLY_HEADERS = ['origin', 'sec-fetch-site', 'sec-fetch-dest', 'sec-fetch-user'] as const;

const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/**
 * Any web page can send a "simple" request (a text/plain POST, a form post, an image load) to a
 * core listening on loopback: the browser sends it without asking CORS first. No browser ever
 * needs this core (the frontend talks to the app's API, the app talks to the core), so refuse
 * whatever only a browser would send. Divergence: the real core has no such check; it is meant to
 * sit on a private network. See docs/decisions/010-the-core-refuses-browsers.md.
 */
export function refuseBrowserRequests(request: CoreRequest): void {
  const { headers } = request;
  const browserHeader = BROWSER_ONLY_HEADERS.find((name) => headers[name] !== undefined);
  if (browserHeader !== undefined) {
    throw new CoreHttpError(
      403,
      `Refused: the '${browserHeader}' header shows this request comes from a web browser. ` +
        'This core only serves back-end SDKs; browsers talk to your app, not to the core.',
    );
  }
  if (!WRITE_METHODS.has(request.method.toUpperCase())) return;
  const contentType = headers['content-type'];
  // A bodyless write (curl -X POST …/hello) cannot carry a payload; anything with a body must say JSON.
  if (contentType === undefined && request.body === '') return;
  if (contentType === undefined || !isJson(contentType)) {
    throw new CoreHttpError(
      403,
      `Refused: a ${request.method.toUpperCase()} must send Content-Type: application/json ` +
        `(got ${contentType === undefined ? 'none' : `'${contentType}'`}). ` +
        'Browsers send other content types without asking first; this core does not accept them.',
    );
  }
}

function isJson(contentType: string): boolean {
  return contentType.split(';')[0]?.trim().toLowerCase() === 'application/json';
}
