/** A run that measured nothing, and the precondition that did not hold. */
export interface RunFailure {
  precondition: string;
  detail: string;
}

/** Thrown inside a run; the runner records it and goes on with the next run. */
export class PreconditionError extends Error {
  override name = 'PreconditionError';
  constructor(
    readonly precondition: string,
    readonly detail: string,
  ) {
    super(`${precondition}: ${detail}`);
  }
}

export function failureOf(error: unknown): RunFailure {
  if (error instanceof PreconditionError) return { precondition: error.precondition, detail: error.detail };
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return { precondition: 'the run completed', detail: message };
}

export const PRECONDITIONS = {
  ownSession: "the browser holds the run's own session",
  expired: "the run's access token has expired when the page asks for it",
  recoveryStarted: 'the server asked for a refresh (the page recovered)',
  contentShown: 'the page showed its content',
  startPageReady: 'the start page was ready to navigate',
  refreshedBeforeNavigation: 'the refresh before the valid navigation succeeded',
  noRefreshDuringValidNavigation: 'the valid navigation needed no refresh',
} as const;

export interface JarSnapshot {
  /** Every `sAccessToken` cookie the browser holds for the bench's host, whatever its path. */
  accessTokens: string[];
  nowMs: number;
}

/**
 * Before a run opens its page: the browser holds exactly the session the run put there, and (for
 * a run that needs one) its access token has expired. A document of the previous run that was
 * still open when the cookies changed could refresh the new session (supertokens-auth-react's
 * `SuperTokensWrapper` does as it mounts when the front token says expired), and the page would
 * then find a valid token and recover nothing.
 */
export function checkRunSession(jar: JarSnapshot, run: { accessToken: string; expiresAtMs: number; mustHaveExpired: boolean }): RunFailure | null {
  const own = jar.accessTokens.filter((token) => token === run.accessToken).length;
  if (jar.accessTokens.length !== 1 || own !== 1) {
    return {
      precondition: PRECONDITIONS.ownSession,
      detail: `the browser holds ${jar.accessTokens.length} access-token cookie(s), ${own} of them the run's`,
    };
  }
  if (run.mustHaveExpired && jar.nowMs < run.expiresAtMs) {
    return { precondition: PRECONDITIONS.expired, detail: `it expires in ${Math.ceil(run.expiresAtMs - jar.nowMs)} ms` };
  }
  return null;
}

/**
 * After a run whose page showed its content without asking for a refresh: which access token the
 * page's first request carried says whether the session was swapped under the run or the server
 * accepted an expired token.
 */
export function explainNoRecovery(sentAccessTokens: string[], run: { accessToken: string; expiresAtMs: number }, requestedAtMs: number): RunFailure {
  if (sentAccessTokens.length === 0) {
    return { precondition: PRECONDITIONS.recoveryStarted, detail: 'the first request carried no access token, yet the content showed' };
  }
  if (!sentAccessTokens.includes(run.accessToken)) {
    return {
      precondition: PRECONDITIONS.ownSession,
      detail: "the first request carried an access token the run did not put there (refreshed outside the run)",
    };
  }
  const expiredFor = requestedAtMs - run.expiresAtMs;
  return {
    precondition: PRECONDITIONS.recoveryStarted,
    detail:
      expiredFor >= 0
        ? `the server accepted the run's access token ${Math.round(expiredFor)} ms after it expired`
        : `the run's access token had not expired (${Math.round(-expiredFor)} ms left)`,
  };
}

/** The values of every `name` cookie in a Cookie request header. */
export function cookieValues(header: string | null | undefined, name: string): string[] {
  if (!header) return [];
  return header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${name}=`))
    .map((part) => part.slice(name.length + 1));
}
