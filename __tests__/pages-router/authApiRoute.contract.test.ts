/** @jest-environment node */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiResolver } from 'next/dist/server/api-utils/node/api-resolver';
import { accessTokenExpiryFromCookies, readFrontToken } from '../../lib/supertokens/client/frontToken';
import { classifyRefreshFailure } from '../../lib/supertokens/client/classifyRefreshFailure';
import { createAuthApiRoute } from '../../lib/pages-router/server/authApiRoute';
import { createTestApp, useSharedTestCore } from '../embedded-core/support/coreFixture';
import { initSdk, type SdkOptions } from '../embedded-core/support/sdk';
import { expectConsole } from '../support/consoleGuard';

/**
 * The pages-router auth route, run by Next's own API resolver, against the real SDK and the
 * embedded core: what a browser's refresh call gets back when it carries two session cookies.
 */
const shared = useSharedTestCore();
let server: http.Server;
let baseUrl: string;
let sdk: SdkOptions;

beforeAll(async () => {
  const route = createAuthApiRoute(() => initSdk(sdk));
  server = http.createServer((req, res) => {
    void apiResolver(req, res, {}, { default: route }, { previewModeId: '', previewModeEncryptionKey: '', previewModeSigningKey: '', dev: false }, false, false, '/api/auth/[[...path]]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createAuthApiRoute', () => {
  it('refreshes a request that also carries a stale access-token cookie, and expires it on every path it may sit on', async () => {
    sdk = { connectionURI: (await createTestApp(shared.core)).url };
    const session = await signUp();

    const response = await refresh(`${session.refreshCookie}; sAccessToken=left-by-an-old-deployment; sAccessToken=${session.accessToken}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('front-token')).not.toBeNull();
    const setCookies = response.headers.getSetCookie();
    expect(setCookies.filter((cookie) => /^sAccessToken=[^;]+;.*Path=\/;/i.test(cookie))).toHaveLength(1);
    expect(expiredPaths(setCookies)).toEqual(['/api', '/api/auth', '/api/auth/session', '/api/auth/session/refresh']);
  });

  it('refreshes when none of the access tokens verifies (the real one expired beside a stale one)', async () => {
    sdk = { connectionURI: (await createTestApp(shared.core)).url };
    const session = await signUp();

    const response = await refresh(`${session.refreshCookie}; sAccessToken=stale; sAccessToken=${session.accessToken.slice(0, -4)}AAAA`);

    expect(response.status).toBe(200);
    expect(response.headers.get('front-token')).not.toBeNull();
  });

  it('answers a refresh that carries valid tokens of two sessions with a 500 that names them, and still expires the reachable ones', async () => {
    sdk = { connectionURI: (await createTestApp(shared.core)).url };
    const session = await signUp();
    const planted = await signUp();
    expectConsole('warn', /multiple session cookies/);

    const response = await refresh(`${session.refreshCookie}; sAccessToken=${planted.accessToken}; sAccessToken=${session.accessToken}`);

    expect(response.status).toBe(500);
    expect(await response.clone().json()).toEqual({ message: expect.stringContaining('multiple session cookies') });
    await expect(classifyRefreshFailure(response)).resolves.toBe('duplicate-cookies');
    expect(expiredPaths(response.headers.getSetCookie())).toEqual(['/api', '/api/auth', '/api/auth/session', '/api/auth/session/refresh']);
  });

  it('expires stale cookies on the path of the page that asked for the refresh, which the request does not carry', async () => {
    sdk = { connectionURI: (await createTestApp(shared.core)).url };
    const session = await signUp();
    const host = new URL(baseUrl).host;

    const fromPage = await refresh(`${session.refreshCookie}; sAccessToken=${session.accessToken}`, `http://${host}/app-router/account?tab=1`);
    expect(fromPage.status).toBe(200);
    expect(expiredPaths(fromPage.headers.getSetCookie())).toEqual(['/app-router', '/app-router/account']);

    const next = await signInAgain(session.email);
    const fromElsewhere = await refresh(`${next.refreshCookie}; sAccessToken=${next.accessToken}`, 'http://other.example/app-router/account');
    expect(fromElsewhere.status).toBe(200);
    expect(expiredPaths(fromElsewhere.headers.getSetCookie())).toEqual([]);
  });

  it('signs in a browser that carries a stale access-token cookie', async () => {
    sdk = { connectionURI: (await createTestApp(shared.core)).url };
    const { email } = await signUp();

    const response = await fetch(`${baseUrl}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', rid: 'emailpassword', 'st-auth-mode': 'cookie', cookie: 'sAccessToken=stale; sAccessToken=older' },
      body: JSON.stringify({ formFields: [{ id: 'email', value: email }, { id: 'password', value: 'correct-horse-1' }] }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'OK' });
    expect(expiredPaths(response.headers.getSetCookie())).toEqual(['/api', '/api/auth', '/api/auth/signin']);
  });

  it('with olderCookieDomain set, lets the SDK clear the older cookie: a 200 without front-token, which the flow retries once', async () => {
    sdk = { connectionURI: (await createTestApp(shared.core)).url, session: { olderCookieDomain: '' } };
    const session = await signUp();

    const response = await refresh(`${session.refreshCookie}; sAccessToken=${session.accessToken}; sAccessToken=stale`);

    expect(response.status).toBe(200);
    expect(response.headers.get('front-token')).toBeNull();
    expect(response.headers.getSetCookie().some((cookie) => /^sAccessToken=;/.test(cookie))).toBe(true);
  });

  it('refreshes normally with one cookie of each, and sends nothing any cache may keep', async () => {
    sdk = { connectionURI: (await createTestApp(shared.core)).url };
    const session = await signUp();

    const response = await refresh(`${session.refreshCookie}; sAccessToken=${session.accessToken}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, max-age=0, must-revalidate');
    expect(response.headers.get('front-token')).not.toBeNull();
  });

  it('answers 404 for a path the SDK does not handle, instead of leaving the request hanging', async () => {
    sdk = { connectionURI: (await createTestApp(shared.core)).url };
    expect((await fetch(`${baseUrl}/api/auth/no-such-thing`)).status).toBe(404);
  });
});

describe('the front token the SDK sends', () => {
  it('tells the browser when its access token expires, to the second of the token’s own exp', async () => {
    sdk = { connectionURI: (await createTestApp(shared.core, { access_token_validity: 120 })).url };
    const session = await signUp();

    const expiresAt = accessTokenExpiryFromCookies(`theme=dark; sFrontToken=${session.frontToken}`);

    const exp = JSON.parse(Buffer.from(session.accessToken.split('.')[1] ?? '', 'base64url').toString()).exp as number;
    expect(expiresAt).toBe(exp * 1000);
    expect(accessTokenExpiryFromCookies('sFrontToken=not-base64!')).toBeNull();
    expect(accessTokenExpiryFromCookies('theme=dark')).toBeNull();
  });

  it("gives the access token's issue time too (the payload's iat in the front token), which times a refresh ahead of expiry", async () => {
    sdk = { connectionURI: (await createTestApp(shared.core, { access_token_validity: 120 })).url };
    const session = await signUp();

    const times = readFrontToken(`theme=dark; sFrontToken=${session.frontToken}`);

    const { iat, exp } = JSON.parse(Buffer.from(session.accessToken.split('.')[1] ?? '', 'base64url').toString()) as { iat: number; exp: number };
    expect(times).toEqual({ issuedAt: iat * 1000, expiresAt: exp * 1000 });
    expect((times?.expiresAt ?? 0) - (times?.issuedAt ?? 0)).toBe(120_000);
    const withoutIat = Buffer.from(JSON.stringify({ uid: 'u', ate: exp * 1000, up: { sub: 'u' } })).toString('base64');
    expect(readFrontToken(`sFrontToken=${withoutIat}`)).toEqual({ expiresAt: exp * 1000 });
    expect(readFrontToken('sFrontToken=not-base64!')).toBeNull();
    expect(readFrontToken('theme=dark')).toBeNull();
  });
});

async function signUp() {
  const email = `route-${Math.random().toString(36).slice(2)}@example.com`;
  const response = await fetch(`${baseUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', rid: 'emailpassword', 'st-auth-mode': 'cookie' },
    body: JSON.stringify({
      formFields: [
        { id: 'email', value: email },
        { id: 'password', value: 'correct-horse-1' },
      ],
    }),
  });
  if (response.status !== 200) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  const cookies = Object.fromEntries(response.headers.getSetCookie().map((c) => c.split(';')[0]?.split('=') ?? []));
  return {
    email,
    accessToken: String(cookies.sAccessToken),
    refreshCookie: `sRefreshToken=${String(cookies.sRefreshToken)}`,
    frontToken: response.headers.get('front-token') ?? '',
  };
}

/** The paths the response expires `sAccessToken` on. */
function expiredPaths(setCookies: string[]): string[] {
  return setCookies
    .filter((cookie) => /^sAccessToken=;/.test(cookie) && /Max-Age=0/i.test(cookie))
    .map((cookie) => /Path=([^;]+)/i.exec(cookie)?.[1] ?? '');
}

function refresh(cookie: string, referer?: string): Promise<Response> {
  return fetch(`${baseUrl}/api/auth/session/refresh`, {
    method: 'POST',
    headers: { cookie, rid: 'session', 'st-auth-mode': 'cookie', ...(referer ? { referer } : {}) },
  });
}

async function signInAgain(email: string) {
  const response = await fetch(`${baseUrl}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', rid: 'emailpassword', 'st-auth-mode': 'cookie' },
    body: JSON.stringify({ formFields: [{ id: 'email', value: email }, { id: 'password', value: 'correct-horse-1' }] }),
  });
  const cookies = Object.fromEntries(response.headers.getSetCookie().map((c) => c.split(';')[0]?.split('=') ?? []));
  return { accessToken: String(cookies.sAccessToken), refreshCookie: `sRefreshToken=${String(cookies.sRefreshToken)}` };
}
