/**
 * `ssr-session-flow/app-router/server`: the session check for server components and route
 * handlers of the App Router. It reads the request's cookies through `next/headers`, never writes
 * them, and answers with the same verdicts and reasons as the pages router's (same verified-token
 * cache). Hand the verdict to the browser as a prop of `SessionBoundary`: no `redirect()`.
 */
export { checkSession, getAppRouterSession, getAppRouterSessionOutcome, getSessionVerdict } from './checkSession';
export { SessionLayout, type SessionLayoutProps } from './SessionLayout';
export { withSession, type SessionPage } from './withSession';
export type { SessionCheck, SessionCheckOptions, VerifiedSession } from 'ssr-session-flow/supertokens/server';
