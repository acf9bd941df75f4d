/** @jest-environment node */
import EmailPassword from 'supertokens-node/recipe/emailpassword';
import SuperTokens from 'supertokens-node';
import Session from 'supertokens-node/recipe/session';
import type { CoreRequestEvent } from 'ssr-session-flow-embedded-core';
import { Browser } from './support/browser';
import { createTestApp, useSharedTestCore } from './support/coreFixture';
import { initSdk } from './support/sdk';

const shared = useSharedTestCore();
const { clock, calls } = shared;

beforeEach(async () => {
  const app = await createTestApp(shared.core, { access_token_validity: 60 });
  initSdk({ connectionURI: app.url });
  calls.length = 0;
});

describe('sessions through the SDK against the embedded core', () => {
  it('answers SSR without cookies as unauthorised, without calling the core', async () => {
    await expect(new Browser().ssrSession()).resolves.toEqual({ status: 'UNAUTHORISED' });
    expect(calls).toEqual([]);
  });

  it('asks for a refresh when the access token has expired, and verifies once after the refresh', async () => {
    const { browser, userId } = await signedInBrowser('expiry@example.com', -2 * 60_000);

    const expired = await browser.ssrSession();
    const refresh = await browser.api('POST', '/api/auth/session/refresh');
    calls.length = 0;
    const first = await browser.ssrSession();
    const second = await browser.ssrSession();

    expect(expired).toEqual({ status: 'TRY_REFRESH_TOKEN' });
    expect(refresh.status).toBe(200);
    expect(first).toEqual({ status: 'ok', userId });
    expect(second).toEqual({ status: 'ok', userId });
    expect(calls.map((call) => pathOf(call))).toEqual(['/recipe/session/verify']);
  });

  it('expires a 2-second access token in real time', async () => {
    const app = await createTestApp(shared.core, { access_token_validity: 2 });
    initSdk({ connectionURI: app.url });
    const session = await Session.createNewSessionWithoutRequestResponse('public', SuperTokens.convertToRecipeUserId('u-real'));
    const tokens = session.getAllSessionTokensDangerously();
    const valid = await Session.getSessionWithoutRequestResponse(tokens.accessToken);

    await sleep((valid.getAccessTokenPayload().exp as number) * 1000 - Date.now() + 50);

    expect(valid.getUserId()).toBe('u-real');
    await expect(Session.getSessionWithoutRequestResponse(tokens.accessToken)).rejects.toMatchObject({
      type: Session.Error.TRY_REFRESH_TOKEN,
    });
  });

  it('lets the current refresh token be used again until one of its children is used', async () => {
    const session = await Session.createNewSessionWithoutRequestResponse('public', SuperTokens.convertToRecipeUserId('u-tabs'));
    const parent = session.getAllSessionTokensDangerously().refreshToken ?? '';

    const [tabA, tabB] = await Promise.all([
      Session.refreshSessionWithoutRequestResponse(parent, true),
      Session.refreshSessionWithoutRequestResponse(parent, true),
    ]);
    await Session.getSessionWithoutRequestResponse(tabA.getAllSessionTokensDangerously().accessToken);

    await expect(
      Session.refreshSessionWithoutRequestResponse(tabB.getAllSessionTokensDangerously().refreshToken ?? '', true),
    ).rejects.toMatchObject({ type: Session.Error.TOKEN_THEFT_DETECTED });
  });

  it('detects reuse of a superseded refresh token as theft and revokes the session', async () => {
    const { browser } = await signedInBrowser('theft@example.com');
    const stolen = new Browser();
    stolen.setCookie('sRefreshToken', browser.cookie('sRefreshToken') ?? '', '/api/auth/session/refresh');
    const handle = await handleOf(browser);
    await browser.api('POST', '/api/auth/session/refresh');
    await browser.ssrSession();

    const reuse = await stolen.api('POST', '/api/auth/session/refresh');
    const ownerRefresh = await browser.api('POST', '/api/auth/session/refresh');

    expect(reuse.status).toBe(401);
    expect(calls.filter((call) => pathOf(call) === '/recipe/session/refresh').map((call) => call.verdict)).toEqual([
      'OK',
      'TOKEN_THEFT_DETECTED',
      'UNAUTHORISED',
    ]);
    expect(ownerRefresh.status).toBe(401);
    await expect(Session.getSessionInformation(handle)).resolves.toBeUndefined();
  });

  it('signs out: the session row is gone and the cookies are cleared', async () => {
    const { browser } = await signedInBrowser('signout@example.com');
    const handle = await handleOf(browser);

    const signOut = await browser.api('POST', '/api/auth/signout');

    expect(signOut.body).toEqual({ status: 'OK' });
    expect(browser.cookie('sAccessToken')).toBeUndefined();
    await expect(Session.getSessionInformation(handle)).resolves.toBeUndefined();
    await expect(new Browser().ssrSession()).resolves.toEqual({ status: 'UNAUTHORISED' });
  });

  it('revokes every session of a user, which a database check and the next refresh both see', async () => {
    const { browser: laptop, userId } = await signedInBrowser('many@example.com');
    const phone = new Browser();
    await phone.api('POST', '/api/auth/signin', form('many@example.com'));
    const accessToken = await accessTokenOf(laptop);

    const revoked = await Session.revokeAllSessionsForUser(userId);

    expect(revoked).toHaveLength(2);
    await expect(Session.getAllSessionHandlesForUser(userId)).resolves.toEqual([]);
    await expect(
      Session.getSessionWithoutRequestResponse(accessToken, undefined, { checkDatabase: true }),
    ).rejects.toMatchObject({ type: Session.Error.UNAUTHORISED });
    expect((await phone.api('POST', '/api/auth/session/refresh')).status).toBe(401);
  });

  it('revokes and lists a user’s sessions within one tenant when the SDK names the tenant', async () => {
    const { userId } = await signedInBrowser('tenant@example.com');

    const listed = await Session.getAllSessionHandlesForUser(userId, true, 'public');
    const revoked = await Session.revokeAllSessionsForUser(userId, true, 'public');

    expect(listed).toHaveLength(1);
    expect(revoked).toEqual(listed);
    expect(calls.map(pathOf)).toEqual(expect.arrayContaining(['/public/recipe/session/user', '/public/recipe/session/remove']));
    await expect(Session.getAllSessionHandlesForUser(userId)).resolves.toEqual([]);
  });

  it('updates the payload of a live session at once and of a handle at the next refresh', async () => {
    const session = await Session.createNewSessionWithoutRequestResponse('public', SuperTokens.convertToRecipeUserId('u-claims'));
    await session.mergeIntoAccessTokenPayload({ role: 'admin' });
    const handle = session.getHandle();

    await Session.mergeIntoAccessTokenPayload(handle, { plan: 'pro' });
    await Session.updateSessionDataInDatabase(handle, { cart: 3 });
    const info = await Session.getSessionInformation(handle);
    const current = await Session.getSessionWithoutRequestResponse(session.getAllSessionTokensDangerously().accessToken);
    const refreshed = await Session.refreshSessionWithoutRequestResponse(
      session.getAllSessionTokensDangerously().refreshToken ?? '',
      true,
    );

    expect(session.getAccessTokenPayload()).toMatchObject({ role: 'admin' });
    expect(info).toMatchObject({ customClaimsInAccessTokenPayload: { role: 'admin', plan: 'pro' }, sessionDataInDatabase: { cart: 3 } });
    expect(current.getAccessTokenPayload().plan).toBeUndefined();
    expect(refreshed.getAccessTokenPayload()).toMatchObject({ role: 'admin', plan: 'pro' });
  });

  it('hands out a payload changed by handle on the next verify that checks the database', async () => {
    const session = await Session.createNewSessionWithoutRequestResponse('public', SuperTokens.convertToRecipeUserId('u-db'));
    await Session.mergeIntoAccessTokenPayload(session.getHandle(), { plan: 'team' });

    const checked = await Session.getSessionWithoutRequestResponse(
      session.getAllSessionTokensDangerously().accessToken,
      undefined,
      { checkDatabase: true },
    );

    expect(checked.getAccessTokenPayload().plan).toBe('team');
    expect(checked.getAllSessionTokensDangerously().accessAndFrontTokenUpdated).toBe(true);
  });
});

const PASSWORD = 'correct-horse-1';

function form(email: string) {
  return { formFields: [{ id: 'email', value: email }, { id: 'password', value: PASSWORD }] };
}

/** Signs a user up and in, with the core's clock moved by `offsetMs` while the session is created. */
async function signedInBrowser(email: string, offsetMs = 0): Promise<{ browser: Browser; userId: string }> {
  const signUp = await EmailPassword.signUp('public', email, PASSWORD);
  if (signUp.status !== 'OK') throw new Error(signUp.status);
  const browser = new Browser();
  clock.offsetMs = offsetMs;
  const signIn = await browser.api('POST', '/api/auth/signin', form(email));
  clock.offsetMs = 0;
  if (signIn.body?.status !== 'OK') throw new Error(JSON.stringify(signIn.body));
  return { browser, userId: signUp.user.id };
}

async function accessTokenOf(browser: Browser): Promise<string> {
  return browser.cookie('sAccessToken') ?? '';
}

async function handleOf(browser: Browser): Promise<string> {
  const payload = JSON.parse(Buffer.from((await accessTokenOf(browser)).split('.')[1] ?? '', 'base64url').toString());
  return payload.sessionHandle as string;
}

function pathOf(call: CoreRequestEvent): string {
  return call.path.replace(/^\/appid-[^/]+/, '');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(ms, 0)));
}
