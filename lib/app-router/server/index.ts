/**
 * `ssr-session-flow/app-router/server`: the session check for server components and route
 * handlers of the App Router. It reads the request's cookies through `next/headers`, never writes
 * them, and answers with the same verdicts and reasons as `checkSession` (same verified-token
 * cache). Hand the verdict to the browser as a prop of `SessionFlowBoundary`: no `redirect()`.
 */
import { headers } from 'next/headers';
import { cache } from 'react';
import type { SessionOutcome } from 'ssr-session-flow/machine';
import { checkSession, type SessionCheck, type SessionCheckOptions } from 'ssr-session-flow/server';

/** One check per request and option, however many layouts and pages ask (React's `cache`). */
const checkThisRequest = cache(async (checkDatabase: boolean): Promise<SessionCheck> => {
  // The raw header, not `cookies()`: a parsed cookie map keeps one value per name, and two
  // access-token cookies must be seen to be refused.
  const cookie = (await headers()).get('cookie') ?? undefined;
  return checkSession({ req: { headers: { cookie } } }, { checkDatabase });
});

/** The session of the request being rendered: `{ outcome, session }` as `checkSession` returns it. */
export function getAppRouterSession(options: SessionCheckOptions = {}): Promise<SessionCheck> {
  return checkThisRequest(options.checkDatabase ?? false);
}

/** Only the verdict, for `<SessionFlowBoundary outcome={…}>` or `<SessionVerdict outcome={…}>`. */
export async function getAppRouterSessionOutcome(options: SessionCheckOptions = {}): Promise<SessionOutcome> {
  return (await getAppRouterSession(options)).outcome;
}

export type { SessionCheck, SessionCheckOptions, VerifiedSession } from 'ssr-session-flow/server';
