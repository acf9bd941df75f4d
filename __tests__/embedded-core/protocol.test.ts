/** @jest-environment node */
import http from 'node:http';
import type { EmbeddedCore } from 'ssr-session-flow-embedded-core';
import { coreCall, createTestApp, startTestCore, type TestApp } from './support/coreFixture';

const API_KEY = 'protocol-test-key-0123456789';
let core: EmbeddedCore;
let app: TestApp;

beforeAll(async () => {
  core = await startTestCore({ maxBodyBytes: 64 * 1024 });
  app = await createTestApp(core);
});

afterAll(() => core.close());

const validSession = { userId: 'u1', enableAntiCsrf: false, userDataInJWT: {}, userDataInDatabase: {} };

describe('bad input gets the core’s plain-text answers', () => {
  it.each([
    ['is not JSON', '{"userId":'],
    ['is a JSON array, not an object', '[1,2]'],
    ['is empty', ''],
  ])('answers 400 Invalid Json Input when the body %s', async (_case, body) => {
    const result = await coreCall(app.url, 'POST', '/public/recipe/session', body);

    expect(result).toEqual({ status: 400, contentType: 'text/html; charset=UTF-8', body: 'Invalid Json Input\n' });
  });

  it.each([
    ['userId is missing', { ...validSession, userId: undefined }, 'userId'],
    ['userId is a number', { ...validSession, userId: 42 }, 'userId'],
    ['enableAntiCsrf is the string "true"', { ...validSession, enableAntiCsrf: 'true' }, 'enableAntiCsrf'],
    ['userDataInJWT is an array', { ...validSession, userDataInJWT: [] }, 'userDataInJWT'],
    ['useDynamicSigningKey is null', { ...validSession, useDynamicSigningKey: null }, 'useDynamicSigningKey'],
  ])('answers 400 naming the field when %s', async (_case, body, field) => {
    const result = await coreCall(app.url, 'POST', '/public/recipe/session', body);

    expect(result).toMatchObject({ status: 400, body: `Field name '${field}' is invalid in JSON input\n` });
  });

  it('answers 400 naming a query parameter that is missing', async () => {
    const result = await coreCall(app.url, 'GET', '/user/id');

    expect(result).toMatchObject({ status: 400, body: "Field name 'userId' is missing in GET request\n" });
  });

  it.each([
    ['creating a session', 'POST', '/public/recipe/session', { ...validSession, userDataInJWT: { sub: 'someone-else' } }],
    ['updating the JWT data', 'PUT', '/recipe/jwt/data', { sessionHandle: 'h', userDataInJWT: { exp: 1 } }],
  ])('answers 400 when a payload contains a protected claim while %s', async (_case, method, path, body) => {
    const result = await coreCall(app.url, method, path, body);

    expect(result).toMatchObject({ status: 400, body: 'The user payload contains protected field\n' });
  });

  it('answers 400 for a protected claim in a regenerate of a live session', async () => {
    const created = await coreCall(app.url, 'POST', '/public/recipe/session', validSession);
    const accessToken = (created.body as { accessToken: { token: string } }).accessToken.token;

    const result = await coreCall(app.url, 'POST', '/recipe/session/regenerate', { accessToken, userDataInJWT: { rsub: 'x' } });

    expect(result).toMatchObject({ status: 400, body: 'The user payload contains protected field\n' });
  });

  it('answers a regenerate with something that is not a JWT the way the core does: 500 naming its exception', async () => {
    const result = await coreCall(app.url, 'POST', '/recipe/session/regenerate', { accessToken: 'not-a-jwt' });

    expect(result).toMatchObject({ status: 500, body: 'io.supertokens.session.jwt.JWT$JWTException: Invalid JWT\n' });
  });

  it('answers 400 when session removal gets both a user id and handles', async () => {
    const result = await coreCall(app.url, 'POST', '/recipe/session/remove', { userId: 'u1', sessionHandles: ['h'] });

    expect(result).toMatchObject({ status: 400, body: 'Invalid JSON input - use one of userId or sessionHandles array\n' });
  });

  it('answers 404 Not found for an unknown path, with or without a tenant prefix', async () => {
    const plain = await coreCall(app.url, 'GET', '/recipe/nothing-here');
    const prefixed = await coreCall(app.url, 'POST', '/public/recipe/accountlinking/user/primary');

    expect(plain).toMatchObject({ status: 404, body: 'Not found\n' });
    expect(prefixed).toMatchObject({ status: 404, body: 'Not found\n' });
  });

  it('answers 405 Method not supported for a known path with the wrong method', async () => {
    const result = await coreCall(app.url, 'DELETE', '/recipe/session/refresh');

    expect(result).toMatchObject({ status: 405, body: 'Method not supported\n' });
  });

  it('answers 413 for a body over the size limit and keeps serving', async () => {
    const big = JSON.stringify({ ...validSession, userDataInDatabase: { blob: 'x'.repeat(100 * 1024) } });

    const status = await rawPost(`${app.url}/public/recipe/session`, big);
    const after = await coreCall(app.url, 'GET', '/hello');

    expect(status).toBe(413);
    expect(after.status).toBe(200);
  });

  it('answers 400 for an app that does not exist', async () => {
    const result = await coreCall(`${core.url}/appid-missing`, 'POST', '/public/recipe/signin', { email: 'a@b.c', password: 'x' });

    expect(result).toMatchObject({ status: 400, body: 'AppId or tenantId not found => appId: missing, tenantId: public\n' });
  });

  it('answers 400 for an unknown tenant on a tenant API and 403 on an app-wide API', async () => {
    const tenantApi = await coreCall(app.url, 'POST', '/acme/recipe/signup', { email: 'a@b.c', password: 'x' });
    const appApi = await coreCall(app.url, 'GET', '/acme/user/id?userId=u1');
    const tenantRead = await coreCall(app.url, 'GET', '/acme/recipe/multitenancy/tenant/v2');

    expect(tenantApi).toMatchObject({ status: 400, body: `AppId or tenantId not found => appId: ${app.appId}, tenantId: acme\n` });
    expect(appApi).toMatchObject({ status: 403, body: 'Only public tenantId can call this app specific API\n' });
    expect(tenantRead.body).toEqual({ status: 'TENANT_NOT_FOUND_ERROR' });
  });

  it('answers 400 for a cdi-version the core does not speak', async () => {
    const result = await coreCall(app.url, 'GET', '/user/id?userId=u1', undefined, undefined, { 'cdi-version': '9.9' });

    expect(result).toMatchObject({ status: 400, body: 'cdi-version 9.9 not supported\n' });
  });

  it('answers 400 with the core’s reason for an invalid app config', async () => {
    const result = await coreCall(core.url, 'PUT', '/recipe/multitenancy/app/v2', {
      appId: 'bad-config',
      coreConfig: { access_token_validity: 3600, refresh_token_validity: 1 },
    });

    expect(result).toMatchObject({
      status: 400,
      body: "Invalid core config: 'refresh_token_validity' must be strictly greater than 'access_token_validity'.\n",
    });
  });
});

describe('API keys', () => {
  it.each([
    ['no key', {}],
    ['a wrong api-key header', { 'api-key': 'wrong-key-000000000000000' }],
  ])('answers 401 Invalid API key for %s', async (_case, headers) => {
    const keyed = await createTestApp(core, { api_keys: API_KEY });

    const result = await coreCall(keyed.url, 'GET', '/user/id?userId=u1', undefined, undefined, headers);

    expect(result).toMatchObject({ status: 401, body: 'Invalid API key\n' });
  });

  it('accepts the key from an Authorization bearer header too', async () => {
    const keyed = await createTestApp(core, { api_keys: `other-key-000000000000000,${API_KEY}` });

    const result = await coreCall(keyed.url, 'GET', '/user/id?userId=u1', undefined, undefined, {
      authorization: `Bearer ${API_KEY}`,
    });

    expect(result).toMatchObject({ status: 200, body: { status: 'UNKNOWN_USER_ID_ERROR' } });
  });
});

describe('handshake', () => {
  it('says Hello at /hello and at the root, and lists 5.4 among its CDI versions', async () => {
    const hello = await coreCall(core.url, 'GET', '/hello');
    const root = await coreCall(core.url, 'GET', '/');
    const versions = await coreCall(core.url, 'GET', '/apiversion?apiDomain=x&websiteDomain=y');

    expect(hello).toEqual({ status: 200, contentType: 'text/html; charset=UTF-8', body: 'Hello\n' });
    expect(root.body).toBe('Hello\n');
    expect((versions.body as { versions: string[] }).versions).toContain('5.4');
  });
});

/** Node's http client, so a request body can be sent whole even when the server refuses it. */
function rawPost(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end(body);
  });
}
