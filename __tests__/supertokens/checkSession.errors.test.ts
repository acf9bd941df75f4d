/** @jest-environment node */
import SuperTokens from 'supertokens-node';
import Session from 'supertokens-node/recipe/session';
import * as SessionExports from 'supertokens-node/recipe/session';
import { checkSession, getSessionVerdict } from '../../lib/supertokens/server/checkSession';

/**
 * How the SDK's own error objects map to verdicts. The SDK call is made to throw real
 * `Session.Error`s; the happy paths run against the embedded core in the contract suites.
 */
const NOW_S = Math.floor(Date.now() / 1000);
const unexpiredToken = fakeJwt({ sub: 'user-1', exp: NOW_S + 3600 });
const expiredToken = fakeJwt({ sub: 'user-1', exp: NOW_S - 10 });

beforeAll(() => {
  SuperTokens.init({
    framework: 'express',
    // Nothing listens here: any real core call would fail loudly, not hang.
    supertokens: { connectionURI: 'http://127.0.0.1:9' },
    appInfo: { appName: 'test', apiDomain: 'http://localhost:3000', websiteDomain: 'http://localhost:3000' },
    recipeList: [Session.init()],
  });
});

describe('checkSession with checkDatabase', () => {
  const withCore = { checkDatabase: true };
  // The kit calls the named export (what every bundler agrees on), not the default's static method.
  const spy = () => jest.spyOn(SessionExports, 'getSessionWithoutRequestResponse');

  it('asks for a refresh when the SDK says TRY_REFRESH_TOKEN for an expired token', async () => {
    spy().mockRejectedValue(new Session.Error({ type: 'TRY_REFRESH_TOKEN', message: 'expired' }));
    await expect(getSessionVerdict(requestWithToken(expiredToken), withCore)).resolves.toEqual({ status: 'needs-refresh', reason: 'expired' });
  });

  it('labels TRY_REFRESH_TOKEN for an unexpired token as invalid (bad signature, unknown key)', async () => {
    spy().mockRejectedValue(new Session.Error({ type: 'TRY_REFRESH_TOKEN', message: 'bad signature' }));
    await expect(getSessionVerdict(requestWithToken(unexpiredToken), withCore)).resolves.toEqual({ status: 'needs-refresh', reason: 'invalid' });
  });

  it('labels UNAUTHORISED for a well-formed unexpired token as revoked', async () => {
    spy().mockRejectedValue(new Session.Error({ type: 'UNAUTHORISED', message: 'Session does not exist.' }));
    await expect(getSessionVerdict(requestWithToken(unexpiredToken), withCore)).resolves.toEqual({ status: 'needs-refresh', reason: 'revoked' });
  });

  it('labels UNAUTHORISED for a malformed token as invalid', async () => {
    spy().mockRejectedValue(new Session.Error({ type: 'UNAUTHORISED', message: 'bad structure' }));
    await expect(getSessionVerdict(requestWithToken('not-a-jwt'), withCore)).resolves.toEqual({ status: 'needs-refresh', reason: 'invalid' });
  });

  it.each([
    ['a token-theft error', new Session.Error({ type: 'TOKEN_THEFT_DETECTED', message: 'theft', payload: { userId: 'u', recipeUserId: new SuperTokens.RecipeUserId('u'), sessionHandle: 'h' } })],
    ['an invalid-claims error', new Session.Error({ type: 'INVALID_CLAIMS', message: 'claims', payload: [] })],
    ['a core failure', new Error('SuperTokens core threw an error for a POST request to path: /recipe/session/verify with status code: 500')],
  ])('rethrows %s instead of hiding it as a verdict', async (_name, error) => {
    spy().mockRejectedValue(error);
    await expect(checkSession(requestWithToken(unexpiredToken), withCore)).rejects.toBe(error);
  });

  it('never calls the SDK when no access token was sent', async () => {
    const call = spy();
    await expect(getSessionVerdict({ req: { headers: {} } }, withCore)).resolves.toEqual({ status: 'needs-refresh', reason: 'missing' });
    expect(call).not.toHaveBeenCalled();
  });

  it('turns off claim validators, as the SuperTokens docs do for SSR', async () => {
    const call = spy().mockRejectedValue(new Session.Error({ type: 'TRY_REFRESH_TOKEN', message: 'x' }));
    await getSessionVerdict(requestWithToken(unexpiredToken), withCore);
    const options = call.mock.calls[0]?.[2] as { overrideGlobalClaimValidators: () => unknown[]; checkDatabase: boolean };
    expect(options.checkDatabase).toBe(true);
    expect(options.overrideGlobalClaimValidators()).toEqual([]);
  });
});

describe('checkSession, local JWT check', () => {
  it.each([
    ['no cookie header', {}],
    ['an empty cookie header', { cookie: '' }],
    ['other cookies only', { cookie: 'theme=dark; sFrontToken=abc' }],
    ['a cookie header without values', { cookie: ';;;=;sAccessToken' }],
  ])('asks for a refresh, reason missing, with %s', async (_name, headers) => {
    await expect(getSessionVerdict({ req: { headers } })).resolves.toEqual({ status: 'needs-refresh', reason: 'missing' });
  });

  it.each([
    ['garbage', 'sAccessToken=%%%not-a-token'],
    ['a token with a tampered payload', `sAccessToken=${unexpiredToken}`],
    ['a quoted token', `sAccessToken="${unexpiredToken}"`],
  ])('asks for a refresh, reason invalid, never accepting %s', async (_name, cookie) => {
    await expect(getSessionVerdict({ req: { headers: { cookie } } })).resolves.toEqual({ status: 'needs-refresh', reason: 'invalid' });
  });

  it('labels an expired token as expired', async () => {
    await expect(getSessionVerdict(requestWithToken(expiredToken))).resolves.toEqual({ status: 'needs-refresh', reason: 'expired' });
  });
});

function requestWithToken(token: string) {
  return { req: { headers: { cookie: `theme=dark; sAccessToken=${encodeURIComponent(token)}` } } };
}

/** A JWT-shaped string signed by nobody: the check must never accept it. */
function fakeJwt(payload: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT', version: '5', kid: 'd-1' })}.${part(payload)}.${Buffer.from('sig').toString('base64url')}`;
}
