import { headers } from 'next/headers';
import { cache } from 'react';
import type { SessionVerdict } from 'ssr-session-flow/machine';
import { checkSession as checkRequest, type SessionCheck, type SessionCheckOptions } from 'ssr-session-flow/supertokens/server';

/** One check per request and option, however many layouts and pages ask (React's `cache`). */
const checkThisRequest = cache(async (checkDatabase: boolean): Promise<SessionCheck> => {
  // The raw header, not `cookies()`: a parsed cookie map keeps one value per name, and two
  // access-token cookies must be seen to be refused.
  const cookie = (await headers()).get('cookie') ?? undefined;
  return checkRequest({ req: { headers: { cookie } } }, { checkDatabase });
});

/** The session of the request being rendered: `{ verdict, session }`, checked once per request. */
export function checkSession(options: SessionCheckOptions = {}): Promise<SessionCheck> {
  return checkThisRequest(options.checkDatabase ?? false);
}

/** Only the verdict, for `<SessionBoundary verdict={…}>` or `<SessionVerdictReport verdict={…}>`. */
export async function getSessionVerdict(options: SessionCheckOptions = {}): Promise<SessionVerdict> {
  return (await checkSession(options)).verdict;
}

/** @deprecated Since 0.4: `checkSession()`. Removed in 0.5. */
export async function getAppRouterSession(options: SessionCheckOptions = {}): Promise<SessionCheck & { outcome: SessionVerdict }> {
  const check = await checkSession(options);
  return { ...check, outcome: check.verdict };
}

/** @deprecated Since 0.4: `getSessionVerdict()`. Removed in 0.5. */
export const getAppRouterSessionOutcome = getSessionVerdict;
