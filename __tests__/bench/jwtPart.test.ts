import { accessTokenExpiry, benchCookie } from '../../bench/browserSessions';
import { jwtPart } from '../../e2e/support/jwtPart';

const encode = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const token = (header: unknown, payload: unknown) => `${encode(header)}.${encode(payload)}.signature`;

describe('jwtPart', () => {
  it('reads the header and the payload of a JWT', () => {
    const jwt = token({ alg: 'RS256', kid: 'd-1' }, { exp: 1_700_000_000, sessionHandle: 'h-1' });
    expect(jwtPart(jwt, 'header')).toEqual({ alg: 'RS256', kid: 'd-1' });
    expect(jwtPart(jwt, 'payload')).toEqual({ exp: 1_700_000_000, sessionHandle: 'h-1' });
  });

  it.each([
    ['an empty token', ''],
    ['a token with no payload', encode({ kid: 'd-1' })],
    ['a payload that is not JSON', `${encode({})}.${encode('not json')}.s`],
    ['a payload that is an array', token({}, [1, 2])],
    ['a payload that is null', token({}, null)],
    ['a payload that is a string', token({}, '"exp"')],
  ])('reads %s as {}', (_name, jwt) => {
    expect(jwtPart(jwt, 'payload')).toEqual({});
  });
});

describe('accessTokenExpiry', () => {
  it('is the exp claim in milliseconds', () => {
    expect(accessTokenExpiry([benchCookie('sAccessToken', token({}, { exp: 1_700_000_000 }))])).toBe(1_700_000_000_000);
  });

  it('says so when the token has no exp claim, or no token is there', () => {
    expect(() => accessTokenExpiry([benchCookie('sAccessToken', token({}, { exp: '1700000000' }))])).toThrow('the access token has no exp claim');
    expect(() => accessTokenExpiry([])).toThrow('the access token has no exp claim');
  });
});
