/** @jest-environment node */
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import JWT from 'supertokens-node/recipe/jwt';
import Session from 'supertokens-node/recipe/session';
import { coreCall, createTestApp, useSharedTestCore, type TestApp } from './support/coreFixture';
import { API_DOMAIN, initSdk } from './support/sdk';

const shared = useSharedTestCore();
let app: TestApp;

beforeEach(async () => {
  app = await createTestApp(shared.core);
  initSdk({ connectionURI: app.url });
});

type CreateJwt = (
  payload: Record<string, unknown>,
  validitySeconds?: number,
  useStaticSigningKey?: boolean,
) => Promise<{ status: string; jwt?: string }>;

const entryPoints: Array<[string, CreateJwt]> = [
  // Session.createJWT goes through the OpenID recipe, which adds its issuer, then the JWT recipe.
  ['Session.createJWT', (payload, validity, useStatic) => Session.createJWT(payload, validity, useStatic)],
  ['JWT.createJWT', (payload, validity, useStatic) => JWT.createJWT(payload, validity, useStatic)],
];

describe('JWTs signed by the core (POST /recipe/jwt)', () => {
  it.each(entryPoints)('%s makes a token that verifies against the core’s JWKS, with the static key by default', async (_, createJwt) => {
    const before = Math.floor(Date.now() / 1000);

    const created = await createJwt({ role: 'admin' }, 60);
    const jwt = created.jwt ?? '';
    const { payload } = await jwtVerify(jwt, createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`)));

    expect(created.status).toBe('OK');
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: expect.stringMatching(/^s-/) });
    expect(payload).toMatchObject({ role: 'admin', iss: expect.stringContaining(API_DOMAIN) });
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(60);
  });

  it('signs with the newest dynamic key when asked not to use the static one', async () => {
    const created = await Session.createJWT({ scope: 'read' }, 60, false);

    const { payload, protectedHeader } = await jwtVerify(created.status === 'OK' ? created.jwt : '', jwks());

    expect(protectedHeader.kid).toMatch(/^d-\d+$/);
    expect(payload.scope).toBe('read');
  });

  it('keeps an iss the caller put in the payload', async () => {
    const created = await Session.createJWT({ iss: 'https://issuer.example' }, 60);

    const { payload } = await jwtVerify(created.status === 'OK' ? created.jwt : '', jwks());

    expect(payload.iss).toBe('https://issuer.example');
  });

  it('answers UNSUPPORTED_ALGORITHM_ERROR for an algorithm other than RS256', async () => {
    const result = await coreCall(app.url, 'POST', '/recipe/jwt', jwtRequest({ algorithm: 'ES256' }));

    expect(result).toMatchObject({ status: 200, body: { status: 'UNSUPPORTED_ALGORITHM_ERROR' } });
  });

  it.each([
    ['a validity of 0', { validity: 0 }, 'validity must be greater than or equal to 0'],
    ['no payload', { payload: undefined }, "Field name 'payload' is invalid in JSON input"],
    ['a validity that is not a number', { validity: true }, "Field name 'validity' is invalid in JSON input"],
  ])('answers 400 for %s', async (_case, change, message) => {
    const result = await coreCall(app.url, 'POST', '/recipe/jwt', jwtRequest(change));

    expect(result).toMatchObject({ status: 400, body: `${message}\n` });
  });
});

describe('a JWT from createJWT handed to the session verify', () => {
  it.each([false, true])('is read as the latest format (no version in its header), then refused for its claims (checkDatabase %s)', async (checkDatabase) => {
    const created = await Session.createJWT({ sub: 'user-1' }, 60);
    const jwt = created.status === 'OK' ? created.jwt : '';
    expect(decodeProtectedHeader(jwt)).not.toHaveProperty('version');

    const result = await coreCall(app.url, 'POST', '/recipe/session/verify', {
      accessToken: jwt,
      doAntiCsrfCheck: false,
      enableAntiCsrf: false,
      checkDatabase,
    });

    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      status: 'TRY_REFRESH_TOKEN',
      message: expect.stringContaining('Access token does not contain all the information'),
    });
  });
});

function jwks() {
  return createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`));
}

function jwtRequest(change: Record<string, unknown>) {
  return { payload: {}, validity: 60, algorithm: 'RS256', jwksDomain: API_DOMAIN, useStaticSigningKey: true, ...change };
}
