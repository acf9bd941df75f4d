/** @jest-environment node */
import { ServerResponse, IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { keepOneCookieValue } from '../../lib/supertokens/server/readCookie';
import {
  expireStaleAccessTokens,
  expireStaleAccessTokensOnHeaders,
  MAX_STALE_COOKIE_PATHS,
  staleAccessTokenExpiries,
} from '../../lib/supertokens/server/staleAccessTokens';

const pathsOf = (setCookies: string[]) => setCookies.map((cookie) => /Path=([^;]+)/.exec(cookie)?.[1]);

describe('staleAccessTokenExpiries', () => {
  it('expires sAccessToken on each prefix of the path as sent, never on SuperTokens’ own path', () => {
    const expiries = staleAccessTokenExpiries('/app-router/account?tab=1#x');
    expect(pathsOf(expiries)).toEqual(['/app-router', '/app-router/account']);
    expect(expiries[0]).toBe('sAccessToken=; Path=/app-router; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax');
  });

  it('leaves a configured access-token path alone, with or without its trailing slash', () => {
    expect(pathsOf(staleAccessTokenExpiries('/app/account', '/app/'))).toEqual(['/app/account']);
    expect(pathsOf(staleAccessTokenExpiries('/app/account', '/app'))).toEqual(['/app/account']);
  });

  it('expires nothing for the root, a missing URL or one that is not a path', () => {
    expect(staleAccessTokenExpiries('/')).toEqual([]);
    expect(staleAccessTokenExpiries(undefined)).toEqual([]);
    expect(staleAccessTokenExpiries('http://evil.example/a')).toEqual([]);
  });

  it(`keeps to the ${MAX_STALE_COOKIE_PATHS} shallowest prefixes of a deep path`, () => {
    const deep = `/${Array.from({ length: 20 }, (_, i) => `s${i}`).join('/')}`;
    const paths = pathsOf(staleAccessTokenExpiries(deep));
    expect(paths).toHaveLength(MAX_STALE_COOKIE_PATHS);
    expect(paths[0]).toBe('/s0');
  });

  it('stops before a segment no cookie path can hold, so a request cannot add attributes of its choosing', () => {
    expect(pathsOf(staleAccessTokenExpiries('/a/b;Domain=example.com;Path=/c/d'))).toEqual(['/a']);
    expect(staleAccessTokenExpiries('/a b/c').join()).not.toMatch(/ b/);
    expect(staleAccessTokenExpiries('/a\r\nSet-Cookie: x=1/c')).toEqual([]);
  });

  it('keeps the raw, percent-encoded path, which is what cookie paths match', () => {
    expect(pathsOf(staleAccessTokenExpiries('/caf%C3%A9/menu'))).toEqual(['/caf%C3%A9', '/caf%C3%A9/menu']);
  });
});

describe('expireStaleAccessTokensOnHeaders', () => {
  it('adds the expiries when the headers go out, after whatever replaced Set-Cookie before', () => {
    const req = new IncomingMessage(new Socket());
    req.url = '/api/auth/session/refresh';
    const res = new ServerResponse(req);
    expireStaleAccessTokensOnHeaders(res, req.url);
    expireStaleAccessTokensOnHeaders(res, req.url); // once per response, however often asked
    res.setHeader('Set-Cookie', ['sAccessToken=new; Path=/; HttpOnly']);
    res.writeHead(200);
    expect(pathsOf(res.getHeader('Set-Cookie') as string[])).toEqual(['/', '/api', '/api/auth', '/api/auth/session', '/api/auth/session/refresh']);
  });

  it('adds to a single Set-Cookie value a page set as a string', () => {
    const headers = new Map<string, unknown>([['set-cookie', 'theme=dark; Path=/']]);
    const res = { getHeader: (name: string) => headers.get(name.toLowerCase()) as string, setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), value) };
    expireStaleAccessTokens(res as never, '/account');
    expect(headers.get('set-cookie')).toEqual(['theme=dark; Path=/', expect.stringMatching(/^sAccessToken=; Path=\/account;/)]);
  });
});

describe('keepOneCookieValue', () => {
  it('keeps the one value named, once, and every other cookie as it was', () => {
    expect(keepOneCookieValue('a=1; sAccessToken=stale; b=2; sAccessToken=good; sAccessToken=good', 'sAccessToken', 'good')).toBe(
      'a=1; b=2; sAccessToken=good',
    );
  });

  it('drops every value when none is kept, and compares decoded values', () => {
    expect(keepOneCookieValue('sAccessToken=x; a=1;sAccessToken=y', 'sAccessToken', undefined)).toBe('a=1');
    expect(keepOneCookieValue('sAccessToken="a%2Bb"; c=3', 'sAccessToken', 'a+b')).toBe('sAccessToken="a%2Bb"; c=3');
  });
});
