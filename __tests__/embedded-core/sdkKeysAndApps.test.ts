/** @jest-environment node */
import SuperTokens from 'supertokens-node';
import EmailPassword from 'supertokens-node/recipe/emailpassword';
import Session from 'supertokens-node/recipe/session';
import { coreCall, createTestApp, useSharedTestCore } from './support/coreFixture';
import { initSdk } from './support/sdk';

const HOUR = 3_600_000;
const API_KEY = 'embedded-core-test-key-0123456789';
const shared = useSharedTestCore();
const { clock, calls } = shared;

describe('signing keys seen through the SDK', () => {
  it('rotates the dynamic key on its interval while the SDK keeps verifying old and new tokens', async () => {
    const app = await createTestApp(shared.core, { access_token_validity: 60, access_token_dynamic_signing_key_update_interval: 1 });
    initSdk({ connectionURI: app.url });
    const before = await newSession('u-rotate');
    await Session.getSessionWithoutRequestResponse(before);

    clock.offsetMs = HOUR + 5_000;
    const after = await newSession('u-rotate');
    await sleep(600); // jose refetches an unknown kid only after its 500 ms cooldown
    const newToken = await Session.getSessionWithoutRequestResponse(after);
    const oldToken = await Session.getSessionWithoutRequestResponse(before);

    expect(kidOf(after)).not.toBe(kidOf(before));
    expect(kidOf(after)).toMatch(/^d-\d+$/);
    expect(newToken.getUserId()).toBe('u-rotate');
    expect(oldToken.getUserId()).toBe('u-rotate');
    expect(calls.filter((call) => call.path.endsWith('/.well-known/jwks.json'))).toHaveLength(2);
  });

  it('keeps signing with the previous key until the new one has been listed for the overlap', async () => {
    const app = await createTestApp(shared.core, { access_token_dynamic_signing_key_update_interval: 1 });
    initSdk({ connectionURI: app.url });
    const first = await newSession('u-overlap');

    clock.offsetMs = HOUR - 30_000;
    const duringOverlap = await newSession('u-overlap');
    const listed = await jwksKids(app.url);

    expect(kidOf(duringOverlap)).toBe(kidOf(first));
    expect(listed).toHaveLength(2);
    expect(listed[1]).toBe(kidOf(first));
  });

  it('drops a key from the JWKS once tokens signed with it must have expired', async () => {
    const app = await createTestApp(shared.core, { access_token_validity: 60, access_token_dynamic_signing_key_update_interval: 1 });
    initSdk({ connectionURI: app.url });
    const first = kidOf(await newSession('u-drop'));

    clock.offsetMs = HOUR + 2 * 60_000 + 1_000;
    const listed = await jwksKids(app.url);

    expect(listed).not.toContain(first);
    expect(listed).toHaveLength(1);
  });

  it('signs with the static s- key when the SDK asks for it and switches a session over on refresh', async () => {
    const app = await createTestApp(shared.core);
    initSdk({ connectionURI: app.url });
    const dynamic = await Session.createNewSessionWithoutRequestResponse('public', SuperTokens.convertToRecipeUserId('u-static'));
    initSdk({ connectionURI: app.url, session: { useDynamicAccessTokenSigningKey: false } });

    const mismatch = Session.getSessionWithoutRequestResponse(dynamic.getAllSessionTokensDangerously().accessToken);
    const refreshed = await Session.refreshSessionWithoutRequestResponse(
      dynamic.getAllSessionTokensDangerously().refreshToken ?? '',
      true,
    );
    const token = refreshed.getAllSessionTokensDangerously().accessToken;
    await sleep(600); // the static key is new to the SDK's JWKS cache: past jose's refetch cooldown

    await expect(mismatch).rejects.toMatchObject({ type: Session.Error.TRY_REFRESH_TOKEN });
    expect(kidOf(token)).toMatch(/^s-[0-9a-f-]{36}$/);
    await expect(Session.getSessionWithoutRequestResponse(token)).resolves.toMatchObject({ userId: 'u-static' });
  });
});

describe('API keys and isolated apps', () => {
  it('serves an SDK with the right API key and refuses one with a wrong key', async () => {
    const app = await createTestApp(shared.core, { api_keys: API_KEY });
    initSdk({ connectionURI: app.url, apiKey: API_KEY });
    const allowed = await EmailPassword.signUp('public', 'keyed@example.com', 'correct-horse-1');
    initSdk({ connectionURI: app.url, apiKey: 'a-wrong-key-0000000000000' });

    const refused = EmailPassword.signUp('public', 'other@example.com', 'correct-horse-1');

    expect(allowed.status).toBe('OK');
    await expect(refused).rejects.toThrow(/status code: 401 and message: Invalid API key/);
  });

  it('answers /hello and the JWKS without an API key, as the core does', async () => {
    const app = await createTestApp(shared.core, { api_keys: API_KEY });

    const hello = await fetch(`${app.url}/hello`);
    const jwks = await fetch(`${app.url}/.well-known/jwks.json`);
    const keyless = await coreCall(app.url, 'GET', '/user/id?userId=x');

    expect([hello.status, jwks.status]).toEqual([200, 200]);
    expect(keyless).toMatchObject({ status: 401, body: 'Invalid API key\n' });
  });

  it('keeps users, sessions and keys of each app apart', async () => {
    const appA = await createTestApp(shared.core);
    const appB = await createTestApp(shared.core);
    initSdk({ connectionURI: appA.url });
    const inA = await EmailPassword.signUp('public', 'same@example.com', 'correct-horse-1');
    const tokenFromA = await newSession('u-apps');
    initSdk({ connectionURI: appB.url });

    const inB = await EmailPassword.signUp('public', 'same@example.com', 'correct-horse-1');
    const userOfA = inA.status === 'OK' ? await SuperTokens.getUser(inA.user.id) : 'sign-up failed';

    expect(inB.status).toBe('OK');
    expect(userOfA).toBeUndefined();
    await expect(Session.getSessionWithoutRequestResponse(tokenFromA)).rejects.toMatchObject({
      type: Session.Error.TRY_REFRESH_TOKEN,
    });
  });

  it('removes an app, after which its URL answers that the app does not exist', async () => {
    const app = await createTestApp(shared.core);

    const removed = await coreCall(shared.core.url, 'POST', '/recipe/multitenancy/app/remove', { appId: app.appId });
    const again = await coreCall(shared.core.url, 'POST', '/recipe/multitenancy/app/remove', { appId: app.appId });
    const hello = await coreCall(app.url, 'GET', '/hello');

    expect(removed.body).toEqual({ status: 'OK', didExist: true });
    expect(again.body).toEqual({ status: 'OK', didExist: false });
    expect(hello).toMatchObject({ status: 400, body: `AppId or tenantId not found => appId: ${app.appId}, tenantId: public\n` });
  });
});

async function newSession(userId: string): Promise<string> {
  const session = await Session.createNewSessionWithoutRequestResponse('public', SuperTokens.convertToRecipeUserId(userId));
  return session.getAllSessionTokensDangerously().accessToken;
}

function kidOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()).kid as string;
}

async function jwksKids(appUrl: string): Promise<string[]> {
  const { body } = await coreCall(appUrl, 'GET', '/.well-known/jwks.json');
  return (body as { keys: Array<{ kid: string }> }).keys.map((key) => key.kid);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
