/**
 * `ssr-session-flow/server`: the session check for server rendering and API routes (Node only).
 * In a browser bundle this entry resolves to `./browser.ts` instead, which has only what may run
 * there (`withSessionInitialProps`, whose getInitialProps also runs on client-side navigation).
 */
export {
  ACCESS_TOKEN_COOKIE,
  checkSession,
  getSessionOutcome,
  SESSION_CACHE_CONTROL,
  type RequestContext,
  type SessionCheck,
  type SessionCheckOptions,
  type VerifiedSession,
} from './getSessionOutcome';
export { withSession, type SessionPageHandler } from './withSession';
export {
  DEFAULT_SESSION_OUTCOME_ENDPOINT,
  withSessionInitialProps,
  type InitialPropsSessionOptions,
} from './withSessionInitialProps';
export { createSessionOutcomeApi } from './sessionOutcomeApi';
export { createAuthApiRoute } from './authApiRoute';
