/**
 * `ssr-session-flow/supertokens/server`: the session check with supertokens-node, whatever the
 * router (Node only). It reads the access-token cookie from a request's `Cookie` header, verifies
 * it, never writes a cookie, and answers with a verdict; each router's server adapter
 * (`ssr-session-flow/pages-router/server`, `ssr-session-flow/app-router/server`) hands it to pages.
 */
export {
  ACCESS_TOKEN_COOKIE,
  checkSession,
  getSessionVerdict,
  SESSION_CACHE_CONTROL,
  type RequestContext,
  type SessionCheck,
  type SessionCheckOptions,
  type VerifiedSession,
} from './checkSession';
