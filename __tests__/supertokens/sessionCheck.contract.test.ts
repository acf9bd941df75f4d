/** @jest-environment node */
import type { GetServerSidePropsContext } from 'next';
import type { NextPageContext } from 'next';
import SuperTokens from 'supertokens-node';
import Session from 'supertokens-node/recipe/session';
import { checkSession, getSessionVerdict } from '../../lib/supertokens/server/checkSession';
import { withSession } from '../../lib/pages-router/server/withSession';
import { withSessionInitialProps } from 'ssr-session-flow/pages-router/server';
import { Browser } from '../embedded-core/support/browser';
import { createTestApp, useSharedTestCore } from '../embedded-core/support/coreFixture';
import { initSdk } from '../embedded-core/support/sdk';

/**
 * The SSR check against the real supertokens-node SDK and the embedded core: real tokens, real
 * signatures, real expiry. The core's clock can be moved back to mint already-expired tokens
 * (jose in the SDK checks `exp` against the real clock).
 */
const shared = useSharedTestCore();
const { clock, calls: coreCalls } = shared;

beforeEach(async () => {
  initSdk({ connectionURI: (await createTestApp(shared.core, { access_token_validity: 60 })).url });
});

describe('checkSession against the embedded core', () => {
  it('accepts a fresh session locally, with the userId and payload, and no core call per render', async () => {
    const { cookie, userId } = await newSession();
    await getSessionVerdict(request(cookie)); // the first render fetches the JWKS once
    coreCalls.length = 0;

    const check = await checkSession(request(cookie));

    expect(check.verdict).toEqual({ status: 'ok', userId });
    expect(check.session?.accessTokenPayload.sub).toBe(userId);
    expect(coreCalls).toEqual([]);
  });

  it('asks for a refresh, reason expired, for an expired but genuine token', async () => {
    const { cookie } = await newSession(-5 * 60_000);
    await expect(getSessionVerdict(request(cookie))).resolves.toEqual({ status: 'needs-refresh', reason: 'expired' });
  });

  it('never accepts a token whose payload was changed to another user', async () => {
    const { token } = await newSession();
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = [header, Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url'), signature].join('.');
    await expect(getSessionVerdict(request(`sAccessToken=${forged}`))).resolves.toEqual({ status: 'needs-refresh', reason: 'invalid' });
    await expect(getSessionVerdict(request(`sAccessToken=${forged}`), { checkDatabase: true })).resolves.toEqual({
      status: 'needs-refresh',
      reason: 'invalid',
    });
  });

  it('never accepts a token signed by another app’s keys', async () => {
    const { cookie: foreign } = await newSession();
    initSdk({ connectionURI: (await createTestApp(shared.core)).url });
    await expect(getSessionVerdict(request(foreign))).resolves.toEqual({ status: 'needs-refresh', reason: 'invalid' });
  });

  it('catches revocation with checkDatabase, and only then (the local check trusts the token until it expires)', async () => {
    const { cookie, userId } = await newSession();
    await Session.revokeAllSessionsForUser(userId);
    await expect(getSessionVerdict(request(cookie))).resolves.toEqual({ status: 'ok', userId });
    await expect(getSessionVerdict(request(cookie), { checkDatabase: true })).resolves.toEqual({
      status: 'needs-refresh',
      reason: 'revoked',
    });
  });

  it('accepts the token right after a refresh without asking the core or rotating it', async () => {
    const browser = await signedInBrowser('refreshed@example.com');
    await browser.api('POST', '/api/auth/session/refresh');
    const token = browser.cookie('sAccessToken') ?? '';
    await getSessionVerdict(request(`sAccessToken=${token}`));
    coreCalls.length = 0;

    const verdict = await getSessionVerdict(request(`sAccessToken=${token}`));

    expect(verdict.status).toBe('ok');
    expect(coreCalls).toEqual([]);
  });

  it('stops accepting a token it already verified the moment the token expires', async () => {
    // Minted 58.5 s ago with a 60 s lifetime (exp in whole seconds): valid for 0.5 to 1.5 s more.
    const { cookie, userId } = await newSession(-58_500);
    await expect(getSessionVerdict(request(cookie))).resolves.toEqual({ status: 'ok', userId });
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    await expect(getSessionVerdict(request(cookie))).resolves.toEqual({ status: 'needs-refresh', reason: 'expired' });
  });

  it('hands each render its own payload: a page that changes it cannot change what the next render reads', async () => {
    const { cookie, userId } = await newSession();
    const first = await checkSession(request(cookie));
    if (first.session) first.session.accessTokenPayload.sub = 'admin';
    const second = await checkSession(request(cookie)); // served from the verified-token cache
    if (second.session) (second.session.accessTokenPayload as { roles?: string[] }).roles = ['admin'];
    const third = await checkSession(request(cookie));

    expect(third.verdict).toEqual({ status: 'ok', userId });
    expect(third.session?.accessTokenPayload.sub).toBe(userId);
    expect(third.session?.accessTokenPayload).not.toHaveProperty('roles');
  });

  it('asks for a refresh, reason duplicate, when two access tokens arrive, as supertokens-node does', async () => {
    const { token } = await newSession();
    const { token: other } = await newSession();
    await expect(getSessionVerdict(request(`sAccessToken=${token}; sAccessToken=${other}`))).resolves.toEqual({
      status: 'needs-refresh',
      reason: 'duplicate',
    });
    await expect(getSessionVerdict(request(`sAccessToken=${token}; sAccessToken=${token}`))).resolves.toEqual({
      status: 'needs-refresh',
      reason: 'duplicate',
    });
  });

  it('answers needs-refresh, not an error, while the core is down and its keys are unknown', async () => {
    const { cookie } = await newSession();
    initSdk({ connectionURI: 'http://127.0.0.1:9' });
    await expect(getSessionVerdict(request(cookie))).resolves.toEqual({ status: 'needs-refresh', reason: 'invalid' });
  });
});

describe('withSession (getServerSideProps)', () => {
  it('runs the handler with the verified session and adds the verdict to its props', async () => {
    const { cookie, userId } = await newSession();
    const handler = jest.fn(async (_ctx: GetServerSidePropsContext, session: { userId: string }) => ({
      props: { greeting: `hello ${session.userId}` },
    }));
    const { ctx, headers } = gsspContext(cookie);

    const result = await withSession(handler)(ctx);

    expect(result).toEqual({ props: { greeting: `hello ${userId}`, sessionVerdict: { status: 'ok', userId } } });
    expect(headers['cache-control']).toBe('private, no-store');
  });

  it('skips the handler and returns the SuperTokens docs props when a refresh is needed', async () => {
    const { cookie } = await newSession(-5 * 60_000);
    const handler = jest.fn();
    const { ctx, headers } = gsspContext(cookie);

    const result = await withSession(handler)(ctx);

    expect(handler).not.toHaveBeenCalled();
    expect(result).toEqual({
      props: { sessionVerdict: { status: 'needs-refresh', reason: 'expired' }, fromSupertokens: 'needs-refresh' },
    });
    expect(headers['cache-control']).toBe('private, no-store');
  });

  it('passes redirects and notFound from the handler through untouched', async () => {
    const { cookie } = await newSession();
    const redirect = { redirect: { destination: '/onboarding', permanent: false } };
    await expect(withSession(async () => redirect)(gsspContext(cookie).ctx)).resolves.toBe(redirect);
    await expect(withSession(async () => ({ notFound: true as const }))(gsspContext(cookie).ctx)).resolves.toEqual({ notFound: true });
  });

  it('resolves props given as a promise', async () => {
    const { cookie, userId } = await newSession();
    const result = await withSession(async () => ({ props: Promise.resolve({ n: 1 }) }))(gsspContext(cookie).ctx);
    expect(result).toEqual({ props: { n: 1, sessionVerdict: { status: 'ok', userId } } });
  });
});

describe('withSessionInitialProps on the server', () => {
  it('verifies the request and merges the handler props', async () => {
    const { cookie, userId } = await newSession();
    const { ctx, headers } = gsspContext(cookie);
    const props = await withSessionInitialProps(async (_ctx, session) => ({ who: session.userId }))(ctx as unknown as NextPageContext);
    expect(props).toEqual({ who: userId, sessionVerdict: { status: 'ok', userId } });
    expect(headers['cache-control']).toBe('private, no-store');
  });

  it('returns the needs-refresh props without running the handler', async () => {
    const handler = jest.fn();
    const props = await withSessionInitialProps(handler)(gsspContext('').ctx as unknown as NextPageContext);
    expect(props).toEqual({ sessionVerdict: { status: 'needs-refresh', reason: 'missing' }, fromSupertokens: 'needs-refresh' });
    expect(handler).not.toHaveBeenCalled();
  });
});

async function newSession(coreClockOffsetMs = 0) {
  const userId = `user-${Math.random().toString(36).slice(2, 8)}`;
  clock.offsetMs = coreClockOffsetMs;
  const session = await Session.createNewSessionWithoutRequestResponse('public', SuperTokens.convertToRecipeUserId(userId));
  clock.offsetMs = 0;
  const token = session.getAllSessionTokensDangerously().accessToken;
  return { userId, token, cookie: `theme=dark; sAccessToken=${token}` };
}

async function signedInBrowser(email: string): Promise<Browser> {
  const browser = new Browser();
  const formFields = [
    { id: 'email', value: email },
    { id: 'password', value: 'correct-horse-1' },
  ];
  const signUp = await browser.api('POST', '/api/auth/signup', { formFields });
  if (signUp.body?.status !== 'OK') throw new Error(JSON.stringify(signUp.body));
  return browser;
}

function request(cookie: string) {
  return { req: { headers: { cookie } } };
}

function gsspContext(cookie: string) {
  const headers: Record<string, string> = {};
  const ctx = {
    req: { headers: { cookie } },
    res: { setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value) },
    query: {},
    resolvedUrl: '/',
  } as unknown as GetServerSidePropsContext;
  return { ctx, headers };
}
