import { frontTokenFromCookies } from './frontToken';
import { readSdkCookies } from './sdkCookies';

/** What `shareSessionChecks` needs of the Session recipe's functions. */
interface SessionCheck {
  doesSessionExist(input: { userContext: unknown }): Promise<boolean>;
}

/** How long a "no" that came with the session still held (a refresh that failed) answers later questions. */
export const SHARED_FAILED_CHECK_MS = 1_000;

/** What the sharing reads; the browser's by default, fakes in tests. */
export interface SessionCheckEnvironment {
  now(): number;
  /** The SDK's front token is there: a "no" then means the refresh failed, not that the session is gone. */
  hasFrontToken(): Promise<boolean>;
}

const browserEnvironment: SessionCheckEnvironment = {
  now: () => performance.now(),
  hasFrontToken: async () => frontTokenFromCookies(await readSdkCookies()) !== null,
};

/**
 * For the Session recipe where supertokens-auth-react's UI runs (the sign-in page):
 * `Session.init(sessionRecipeConfig({ override: { functions: shareSessionChecks } }))`.
 *
 * With an expired access token, each `doesSessionExist()` is a refresh call, and the prebuilt UI
 * asks twice as the sign-in page opens (its session context, then the page itself). During an
 * outage that is two failed refreshes at once, with the page's own watch and the next page's
 * recovery close behind (soak seed 1092: five calls within one 3-second token lifetime). Here
 * questions asked while one is being answered share its answer, and a "no" that came while the
 * browser still holds the session (the refresh failed; a refused one drops the front token)
 * answers the questions of the next second. A "yes" is never reused: each later question looks
 * at the session again.
 */
export function shareSessionChecks<Functions extends SessionCheck>(
  original: Functions,
  _builder?: unknown,
  environment: SessionCheckEnvironment = browserEnvironment,
): Functions {
  let asking: Promise<boolean> | null = null;
  let failedAt = Number.NEGATIVE_INFINITY;
  return {
    ...original,
    doesSessionExist(input: { userContext: unknown }) {
      if (asking) return asking;
      if (environment.now() - failedAt < SHARED_FAILED_CHECK_MS) return Promise.resolve(false);
      const answer = original
        .doesSessionExist(input)
        .then(async (exists) => {
          if (!exists && (await environment.hasFrontToken())) failedAt = environment.now();
          return exists;
        })
        .finally(() => {
          asking = null;
        });
      asking = answer;
      return answer;
    },
  };
}
