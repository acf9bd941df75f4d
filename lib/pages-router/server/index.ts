/**
 * `ssr-session-flow/pages-router/server`: the session check for the pages router's
 * `getServerSideProps`, `getInitialProps` and API routes (Node only). In a browser bundle this
 * entry resolves to `./browser.ts` instead, which has only what may run there
 * (`withSessionInitialProps`, whose getInitialProps also runs on client-side navigation).
 */
export {
  checkSession,
  getSessionVerdict,
  SESSION_CACHE_CONTROL,
  type RequestContext,
  type SessionCheck,
  type SessionCheckOptions,
  type VerifiedSession,
} from 'ssr-session-flow/supertokens/server';
export { withSession, type SessionPageHandler } from './withSession';
export { DEFAULT_SESSION_VERDICT_ENDPOINT, withSessionInitialProps, type InitialPropsSessionOptions } from './withSessionInitialProps';
export { createSessionVerdictApi } from './sessionVerdictApi';
export { createAuthApiRoute } from './authApiRoute';
