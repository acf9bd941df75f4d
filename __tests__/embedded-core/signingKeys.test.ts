/** @jest-environment node */
import { createCoreApp, createFakeClock, createMemoryStore, seedApp, summarizeApp, type CoreApp, type FakeClock } from 'ssr-session-flow-embedded-core';
import { callApp } from './support/inProcess';

let clock: FakeClock;
let app: CoreApp;
const store = () => app.store;

beforeEach(() => {
  clock = createFakeClock(Date.UTC(2030, 0, 1));
  app = createCoreApp({ clock, store: createMemoryStore(), config: { accessTokenValiditySeconds: 60 } });
});

describe('dynamic key rotation on the injected clock', () => {
  it('mints the first key on first use, with a d-<createdAt> kid and an RS256 JWK', async () => {
    const jwks = await callApp(app, 'GET', '/.well-known/jwks.json');

    expect(jwks.body).toEqual({
      keys: [{ kty: 'RSA', kid: `d-${clock.now()}`, n: expect.any(String), e: 'AQAB', alg: 'RS256', use: 'sig' }],
    });
    expect(jwks.headers['cache-control']).toBe(`max-age=${168 * 3600 - 60}, must-revalidate`);
  });

  it('uses a fifth of a sub-minute interval as overlap, as the core’s test mode does', async () => {
    seedApp(store(), 'fast', { access_token_dynamic_signing_key_update_interval: 0.01 }); // 36 s, overlap 7.2 s
    await callApp(app, 'GET', '/appid-fast/.well-known/jwks.json');

    clock.advance(36_000 - 7_300);
    const beforeOverlap = summarizeApp(store(), 'fast')?.dynamicKeyIds.length;
    await callApp(app, 'GET', '/appid-fast/.well-known/jwks.json');
    const atOverlap = summarizeApp(store(), 'fast')?.dynamicKeyIds.length;
    clock.advance(200);
    await callApp(app, 'GET', '/appid-fast/.well-known/jwks.json');

    expect([beforeOverlap, atOverlap, summarizeApp(store(), 'fast')?.dynamicKeyIds.length]).toEqual([1, 1, 2]);
  });

  it('keeps a retired key listed for the interval plus two access-token lifetimes, newest key first', async () => {
    seedApp(store(), 'slow', { access_token_dynamic_signing_key_update_interval: 1, access_token_validity: 600 });
    await callApp(app, 'GET', '/appid-slow/.well-known/jwks.json');
    const first = summarizeApp(store(), 'slow')?.dynamicKeyIds[0];

    clock.advance(3_600_000);
    await callApp(app, 'GET', '/appid-slow/.well-known/jwks.json');
    const afterInterval = summarizeApp(store(), 'slow')?.dynamicKeyIds;
    clock.advance(2 * 600_000 + 1);
    await callApp(app, 'GET', '/appid-slow/.well-known/jwks.json');

    expect(afterInterval).toEqual([`d-${clock.now() - 2 * 600_000 - 1}`, first]);
    expect(summarizeApp(store(), 'slow')?.dynamicKeyIds).not.toContain(first);
  });

  it('creates the static s- key only when a session asks for it, and never rotates it', async () => {
    const before = summarizeApp(store())?.staticKeyId;
    await callApp(app, 'POST', '/public/recipe/session', {
      userId: 'u1',
      enableAntiCsrf: false,
      userDataInJWT: {},
      userDataInDatabase: {},
      useDynamicSigningKey: false,
    });
    const created = summarizeApp(store())?.staticKeyId;
    clock.advance(400 * 3_600_000);
    await callApp(app, 'GET', '/.well-known/jwks.json');

    expect(before).toBeNull();
    expect(created).toMatch(/^s-[0-9a-f-]{36}$/);
    expect(summarizeApp(store())?.staticKeyId).toBe(created);
  });
});
