/** @jest-environment node */
import { createCoreApp, createFakeClock, type CoreApp, type FakeClock } from 'ssr-session-flow-embedded-core';
import { callApp, statusOf, tokensOf, type Tokens } from './support/inProcess';

const MINUTE = 60_000;
let clock: FakeClock;
let app: CoreApp;

beforeEach(() => {
  clock = createFakeClock(Date.UTC(2030, 0, 1));
  app = createCoreApp({ clock, config: { accessTokenValiditySeconds: 600, refreshTokenValidityMinutes: 60 } });
});

describe('refresh-token rotation and theft detection (fresh store, fake clock)', () => {
  it('lets the current parent be refreshed again and again while no child has been used', async () => {
    const { refreshToken } = await createSession();

    const first = await refresh(refreshToken);
    const second = await refresh(refreshToken);

    expect([statusOf(first), statusOf(second)]).toEqual(['OK', 'OK']);
  });

  it('treats the parent as stolen once a child has been promoted by its own refresh', async () => {
    const { refreshToken } = await createSession();
    const child = tokensOf(await refresh(refreshToken));

    const promoted = await refresh(child.refreshToken);
    const reuse = await refresh(refreshToken);

    expect(statusOf(promoted)).toBe('OK');
    expect(reuse.body).toEqual({
      status: 'TOKEN_THEFT_DETECTED',
      session: { handle: child.handle, userId: 'u1', recipeUserId: 'u1' },
    });
  });

  it('promotes a child on the first verify of its access token, handing out a token without a parent', async () => {
    const { refreshToken } = await createSession();
    const child = tokensOf(await refresh(refreshToken));

    const verified = await verify(child.accessToken);
    const reuse = await refresh(refreshToken);

    const newToken = (verified.body as { accessToken: { token: string } }).accessToken.token;
    expect(claimsOf(child.accessToken).parentRefreshTokenHash1).not.toBeNull();
    expect(claimsOf(newToken).parentRefreshTokenHash1).toBeNull();
    expect(statusOf(reuse)).toBe('TOKEN_THEFT_DETECTED');
  });

  it('treats a sibling child as stolen after the other child was promoted, but still accepts its access token', async () => {
    const { refreshToken } = await createSession();
    const childA = tokensOf(await refresh(refreshToken));
    const childB = tokensOf(await refresh(refreshToken));
    await verify(childA.accessToken);

    const siblingVerify = await verify(childB.accessToken);
    const siblingRefresh = await refresh(childB.refreshToken);

    expect(siblingVerify.body).not.toHaveProperty('accessToken');
    expect(statusOf(siblingVerify)).toBe('OK');
    expect(statusOf(siblingRefresh)).toBe('TOKEN_THEFT_DETECTED');
  });

  it('serialises concurrent refreshes of one token: both succeed and only one child can win', async () => {
    const { refreshToken } = await createSession();

    const [a, b] = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
    const winner = await refresh(tokensOf(a).refreshToken);
    const loser = await refresh(tokensOf(b).refreshToken);

    expect([statusOf(a), statusOf(b), statusOf(winner), statusOf(loser)]).toEqual(['OK', 'OK', 'OK', 'TOKEN_THEFT_DETECTED']);
  });

  it('asks for a refresh when the access token has expired on the core’s clock', async () => {
    const { accessToken } = await createSession();
    clock.advance(10 * MINUTE + 1_000);

    const result = await verify(accessToken);

    expect(result.body).toEqual({ status: 'TRY_REFRESH_TOKEN', message: 'Access token expired' });
  });

  it('answers unauthorised for a refresh after the session has expired', async () => {
    const { refreshToken } = await createSession();
    clock.advance(60 * MINUTE + 1);

    const result = await refresh(refreshToken);

    expect(result.body).toEqual({ status: 'UNAUTHORISED', message: 'Session missing in db or has expired' });
  });

  it('extends the session on each promotion of a child', async () => {
    const { refreshToken } = await createSession();
    clock.advance(50 * MINUTE);
    const child = tokensOf(await refresh(refreshToken));
    await refresh(child.refreshToken);
    clock.advance(50 * MINUTE);

    const later = await refresh(child.refreshToken);

    expect(statusOf(later)).toBe('OK');
  });

  it('answers unauthorised for a refresh token that was tampered with', async () => {
    const { refreshToken } = await createSession();
    const [sealed, nonce, type] = refreshToken.split('.');
    const tampered = `${sealed?.slice(0, -2)}AA.${nonce}.${type}`;

    const result = await refresh(tampered);

    expect(result.body).toEqual({ status: 'UNAUTHORISED', message: 'Invalid refresh token' });
  });

  it('checks anti-CSRF tokens on verify and refresh when the session was created with them', async () => {
    const created = await callApp(app, 'POST', '/public/recipe/session', { ...newSession, enableAntiCsrf: true });
    const { accessToken, refreshToken } = tokensOf(created);
    const antiCsrfToken = (created.body as { antiCsrfToken: string }).antiCsrfToken;

    const badVerify = await verify(accessToken, { antiCsrfToken: 'wrong', doAntiCsrfCheck: true, enableAntiCsrf: true });
    const goodVerify = await verify(accessToken, { antiCsrfToken, doAntiCsrfCheck: true, enableAntiCsrf: true });
    const badRefresh = await refresh(refreshToken, { antiCsrfToken: 'wrong', enableAntiCsrf: true });

    expect(badVerify.body).toEqual({ status: 'TRY_REFRESH_TOKEN', message: 'anti-csrf check failed' });
    expect(statusOf(goodVerify)).toBe('OK');
    expect(badRefresh.body).toEqual({ status: 'UNAUTHORISED', message: 'Anti CSRF token missing, or not matching' });
  });
});

const newSession = { userId: 'u1', enableAntiCsrf: false, userDataInJWT: { role: 'reader' }, userDataInDatabase: {} };

async function createSession(): Promise<Tokens> {
  return tokensOf(await callApp(app, 'POST', '/public/recipe/session', newSession));
}

function refresh(refreshToken: string, extra: object = {}) {
  return callApp(app, 'POST', '/recipe/session/refresh', { refreshToken, enableAntiCsrf: false, useDynamicSigningKey: true, ...extra });
}

function verify(accessToken: string, extra: object = {}) {
  return callApp(app, 'POST', '/recipe/session/verify', {
    accessToken,
    doAntiCsrfCheck: false,
    enableAntiCsrf: false,
    checkDatabase: false,
    ...extra,
  });
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
}
