/**
 * `ssr-session-flow/supertokens/server`: the session check with supertokens-node, whatever the
 * router (Node only). It reads the access-token cookie from a request's `Cookie` header, verifies
 * it, never writes a cookie, and answers with a verdict; each router's server adapter
 * (`ssr-session-flow/pages-router/server`, `ssr-session-flow/app-router/server`) hands it to pages.
 * A request with stale duplicates of the cookie is read with the one that verifies; the helpers
 * below expire the stale ones where a response can be written.
 */
export { ACCESS_TOKEN_COOKIE } from './accessTokenCookie';
export {
  checkSession,
  chooseAccessToken,
  getSessionVerdict,
  MAX_VERIFIED_DUPLICATES,
  SESSION_CACHE_CONTROL,
  type AccessTokenChoice,
  type RequestContext,
  type SessionCheck,
  type SessionCheckOptions,
  type VerifiedSession,
} from './checkSession';
export { settleDuplicateAccessTokens } from './settleDuplicateAccessTokens';
export {
  DEFAULT_ACCESS_TOKEN_PATH,
  expireStaleAccessTokens,
  expireStaleAccessTokensOnHeaders,
  MAX_STALE_COOKIE_PATHS,
  sameHostRefererPath,
  staleAccessTokenExpiries,
} from './staleAccessTokens';
