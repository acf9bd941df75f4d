import type { RefreshFailureCause } from 'ssr-session-flow/machine';

/**
 * What `Session.attemptRefreshingSession()` throws for each cause, as supertokens-web-js throws it:
 * the fetch `TypeError` when no answer came; the `Response` of an unexpected status, body unread;
 * its own `Error` when a 200 has no `front-token` header; and a bug, thrown before any request. The bodies are the backend's real words
 * (the duplicate-cookie one is what `createAuthApiRoute` answers with supertokens-node's message).
 */
export function refreshFailure(cause: RefreshFailureCause): unknown {
  switch (cause) {
    case 'network':
      return new TypeError('Failed to fetch');
    case 'server':
      return fakeResponse(502, '<html><body>Bad Gateway</body></html>');
    case 'duplicate-cookies':
      return fakeResponse(
        500,
        JSON.stringify({
          message:
            "The request contains multiple session cookies. This may happen if you've changed the 'cookieDomain' value in your configuration. To clear tokens from the previous domain, set 'olderCookieDomain' in your config.",
        }),
      );
    case 'unexpected':
      // What a webpack build of 0.3 threw: a default import that was the whole `module.exports`.
      return new TypeError('LockFactoryReference.getReferenceOrThrow is not a function');
    case 'missing-front-token':
      return new Error(
        "The 'front-token' header is missing from a successful refresh-session response. The most likely causes are proxy settings (e.g.: 'front-token' missing from 'access-control-expose-headers' or a proxy stripping this header). Please investigate your API.",
      );
  }
}

/** The part of a fetch `Response` the runtime reads; a body can be read once, as in a browser. */
function fakeResponse(status: number, body: string) {
  let used = false;
  const read = async () => {
    if (used) throw new TypeError('Body has already been consumed.');
    used = true;
    return body;
  };
  const response = {
    status,
    ok: false,
    text: read,
    clone: () => fakeResponse(status, body),
  };
  return response;
}
