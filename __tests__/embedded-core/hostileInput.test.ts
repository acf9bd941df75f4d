/** @jest-environment node */
import fc from 'fast-check';
import {
  createCoreApp,
  createFakeClock,
  createMemoryStore,
  seedApp,
  seedEmailPasswordUser,
  snapshotStore,
  type CoreApp,
} from 'ssr-session-flow-embedded-core';
import { TEST_PASSWORD_HASHING } from './support/coreFixture';
import { hostileRequests, toJsonText, type HostileRequest } from './support/hostileInput';
import { callApp, tokensOf } from './support/inProcess';

const BYSTANDER = 'bystander';
const KNOWN_EMAIL = 'known@example.com';
/** The core's own answer to a regenerate of something that is not a JWT: the only 500 it gives on purpose. */
const DOCUMENTED_500 = 'io.supertokens.session.jwt.JWT$JWTException: Invalid JWT\n';

let app: CoreApp;
let knownIds: string[];
const globalsBefore = snapshotGlobals();

beforeAll(async () => {
  app = createCoreApp({
    clock: createFakeClock(Date.UTC(2030, 0, 1)),
    store: createMemoryStore(),
    passwordHashing: { params: TEST_PASSWORD_HASHING },
  });
  seedApp(app.store, BYSTANDER);
  knownIds = await seedRows('public');
  await seedRows(BYSTANDER);
});

describe('the hostile requests named in the issue', () => {
  it.each([
    ['PUT', '/recipe/session/data', { sessionHandle: '__proto__', userDataInDatabase: { polluted: true } }, 200],
    ['PUT', '/recipe/multitenancy/app/v2', { appId: 'constructor' }, 400],
    ['GET', '/appid-constructor/hello', undefined, 400],
    ['GET', '/user/id?userId=__proto__', undefined, 200],
  ])('answers %s %s without touching Object.prototype or Object', async (method, path, body, status) => {
    const result = await callApp(app, method, path, body);

    expect(result.status).toBe(status);
    expect(snapshotGlobals()).toEqual(globalsBefore);
  });

  it('refuses the app id constructor with the core’s kind of 400, and the missing app with the core’s own', async () => {
    const created = await callApp(app, 'PUT', '/recipe/multitenancy/app/v2', { appId: 'constructor' });
    const hello = await callApp(app, 'GET', '/appid-constructor/hello');

    expect(created.body).toBe("Cannot use 'constructor' as an appId\n");
    expect(hello.body).toBe('AppId or tenantId not found => appId: constructor, tenantId: public\n');
  });
});

describe('generated hostile ids and bodies, sent to every route', () => {
  it('never answer 500, never change Object.prototype, and change nothing but the app they address', async () => {
    await fc.assert(
      fc.asyncProperty(hostileRequests({ knownIds, knownEmail: KNOWN_EMAIL }), async (request) => {
        const before = snapshotStore(app.store) as { apps: Record<string, unknown> };
        const response = await send(request);
        const after = snapshotStore(app.store) as { apps: Record<string, unknown> };

        if (response.status === 500) {
          const documented = { path: '/recipe/session/regenerate', body: DOCUMENTED_500 };
          expect({ path: request.endpoint.path, body: response.body }).toEqual(documented);
        }
        expect(snapshotGlobals()).toEqual(globalsBefore);
        expect(after.apps[BYSTANDER]).toEqual(before.apps[BYSTANDER]);
        if (!isAccepted(response)) expect(after).toEqual(before);
      }),
      { numRuns: 1500 },
    );
  });
});

/** A user, two sessions (dynamic and static key), a verification and a reset token; returns user id and a handle. */
async function seedRows(appId: string): Promise<string[]> {
  const prefix = appId === 'public' ? '' : `/appid-${appId}`;
  const user = await seedEmailPasswordUser(app.store, {
    appId,
    email: KNOWN_EMAIL,
    password: 'correct-horse-1',
    passwordHashing: TEST_PASSWORD_HASHING,
  });
  const session = tokensOf(await callApp(app, 'POST', `${prefix}/public/recipe/session`, newSession(user.id)));
  await callApp(app, 'POST', `${prefix}/public/recipe/session`, { ...newSession(user.id), useDynamicSigningKey: false });
  const owner = { userId: user.id, email: KNOWN_EMAIL };
  await callApp(app, 'POST', `${prefix}/public/recipe/user/email/verify/token`, owner);
  await callApp(app, 'POST', `${prefix}/public/recipe/user/password/reset/token`, owner);
  return [user.id, session.handle];
}

async function send(request: HostileRequest) {
  const appPrefix = request.appPrefix === undefined ? '' : `/appid-${request.appPrefix}`;
  const tenantPrefix = request.tenantPrefix === undefined ? '' : `/${request.tenantPrefix}`;
  const url = new URL(`http://core${appPrefix}${tenantPrefix}${request.endpoint.path}`);
  for (const [name, value] of request.query) url.searchParams.append(name, value);
  const { body: raw } = request;
  const body = raw === undefined ? '' : typeof raw === 'string' ? raw : toJsonText(raw);
  return app.handle({
    method: request.endpoint.method,
    path: url.pathname,
    query: url.searchParams,
    headers: { 'cdi-version': '5.4', 'content-type': 'application/json' },
    body,
  });
}

function isAccepted(response: { status: number; body: string }): boolean {
  if (response.status !== 200) return false;
  try {
    const status = (JSON.parse(response.body) as { status?: unknown }).status;
    return status === 'OK' || status === undefined;
  } catch {
    return true;
  }
}

function newSession(userId: string) {
  return { userId, enableAntiCsrf: false, userDataInJWT: {}, userDataInDatabase: {} };
}

/** Own property names of the objects a key written through a plain object could reach. */
function snapshotGlobals() {
  return [Object.prototype, Object, Array.prototype, Function.prototype, String.prototype].map((target) =>
    Object.getOwnPropertyNames(target).sort(),
  );
}
