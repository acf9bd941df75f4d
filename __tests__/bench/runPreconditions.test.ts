/**
 * @jest-environment node
 */
import { checkRunSession, cookieValues, explainNoRecovery, failureOf, PRECONDITIONS, PreconditionError } from '../../bench/runPreconditions';

const run = { accessToken: 'token-of-this-run', expiresAtMs: 10_000 };

describe('a run’s preconditions', () => {
  it('holds when the browser has exactly the run’s session and its access token has expired', () => {
    expect(checkRunSession({ accessTokens: ['token-of-this-run'], nowMs: 10_300 }, { ...run, mustHaveExpired: true })).toBeNull();
  });

  it('names a session swapped under the run (a page of the previous run refreshed it)', () => {
    expect(checkRunSession({ accessTokens: ['refreshed-elsewhere'], nowMs: 10_300 }, { ...run, mustHaveExpired: true })).toEqual({
      precondition: PRECONDITIONS.ownSession,
      detail: "the browser holds 1 access-token cookie(s), 0 of them the run's",
    });
  });

  it('names a second access-token cookie beside the run’s', () => {
    const failure = checkRunSession({ accessTokens: ['token-of-this-run', 'stale'], nowMs: 10_300 }, { ...run, mustHaveExpired: false });
    expect(failure?.precondition).toBe(PRECONDITIONS.ownSession);
  });

  it('says how long an access token that must have expired still lives', () => {
    expect(checkRunSession({ accessTokens: ['token-of-this-run'], nowMs: 9_000 }, { ...run, mustHaveExpired: true })).toEqual({
      precondition: PRECONDITIONS.expired,
      detail: 'it expires in 1000 ms',
    });
  });

  it('accepts a valid access token for a run that starts on a page without a check', () => {
    expect(checkRunSession({ accessTokens: ['token-of-this-run'], nowMs: 9_000 }, { ...run, mustHaveExpired: false })).toBeNull();
  });
});

describe('a page that showed its content without recovering', () => {
  it('was sent a token the run did not put there', () => {
    expect(explainNoRecovery(['refreshed-elsewhere'], run, 12_000)).toEqual({
      precondition: PRECONDITIONS.ownSession,
      detail: 'the first request carried an access token the run did not put there (refreshed outside the run)',
    });
  });

  it('was accepted with the run’s expired token', () => {
    expect(explainNoRecovery(['token-of-this-run'], run, 12_000).detail).toBe("the server accepted the run's access token 2000 ms after it expired");
  });

  it('was asked for before the run’s token expired', () => {
    expect(explainNoRecovery(['token-of-this-run'], run, 9_500).detail).toBe("the run's access token had not expired (500 ms left)");
  });
});

describe('what a failed run records', () => {
  it('keeps a precondition’s own words', () => {
    expect(failureOf(new PreconditionError(PRECONDITIONS.contentShown, 'no content within 30 s'))).toEqual({
      precondition: PRECONDITIONS.contentShown,
      detail: 'no content within 30 s',
    });
  });

  it('records any other error as a run that did not complete, by its first line', () => {
    expect(failureOf(new Error('page.goto: net::ERR_CONNECTION_REFUSED\nCall log: …'))).toEqual({
      precondition: 'the run completed',
      detail: 'page.goto: net::ERR_CONNECTION_REFUSED',
    });
  });

  it('reads every value of a cookie in a request header', () => {
    expect(cookieValues('a=1; sAccessToken=x; b=2; sAccessToken=y', 'sAccessToken')).toEqual(['x', 'y']);
    expect(cookieValues(null, 'sAccessToken')).toEqual([]);
  });
});
