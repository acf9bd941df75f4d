/** @jest-environment node */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiResolver } from 'next/dist/server/api-utils/node/api-resolver';
import { accessTokenExpiryFromCookies } from '../../lib/supertokens/client/frontToken';
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
  it('answers a refresh that carries two access-token cookies with a 500 that names them', async () => {
    sdk = { connectionURI: (await createTestApp(shared.core)).url };
    const session = await signUp();
    expectConsole('warn', /multiple session cookies/);

    const response = await refresh(`${session.refreshCookie}; sAccessToken=${session.accessToken}; sAccessToken=stale`);

    expect(response.status).toBe(500);
    expect(await response.clone().json()).toEqual({ message: expect.stringContaining('multiple session cookies') });
    await expect(classifyRefreshFailure(response)).resolves.toBe('duplicate-cookies');
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
});

async function signUp() {
  const response = await fetch(`${baseUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', rid: 'emailpassword', 'st-auth-mode': 'cookie' },
    body: JSON.stringify({
      formFields: [
        { id: 'email', value: `route-${Math.random().toString(36).slice(2)}@example.com` },
        { id: 'password', value: 'correct-horse-1' },
      ],
    }),
  });
  if (response.status !== 200) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  const cookies = Object.fromEntries(response.headers.getSetCookie().map((c) => c.split(';')[0]?.split('=') ?? []));
  return {
    accessToken: String(cookies.sAccessToken),
    refreshCookie: `sRefreshToken=${String(cookies.sRefreshToken)}`,
    frontToken: response.headers.get('front-token') ?? '',
  };
}

function refresh(cookie: string): Promise<Response> {
  return fetch(`${baseUrl}/api/auth/session/refresh`, {
    method: 'POST',
    headers: { cookie, rid: 'session', 'st-auth-mode': 'cookie' },
  });
}
