/** @jest-environment node */
import type { GetServerSidePropsContext } from 'next';
import type { NextPageContext } from 'next';
import SuperTokens from 'supertokens-node';
import Session from 'supertokens-node/recipe/session';
import { checkSession, getSessionVerdict, MAX_VERIFIED_DUPLICATES } from '../../lib/supertokens/server/checkSession';
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
    // Minted 56 s ago with a 60 s lifetime (exp in whole seconds): valid for 3 to 4 s more, time
    // enough for the first check on a busy machine. Then wait for its own exp, not a fixed time.
    const { cookie, token, userId } = await newSession(-56_000);
    await expect(getSessionVerdict(request(cookie))).resolves.toEqual({ status: 'ok', userId });
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number };
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1_000 - Date.now()) + 100));
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

  describe.each([false, true])('with several access-token cookies (checkDatabase %s)', (checkDatabase) => {
    it('reads the request with the one that verifies, in either order, and says there were several', async () => {
      const { token, userId } = await newSession();
      for (const cookie of [`sAccessToken=stale-from-an-old-deployment; sAccessToken=${token}`, `sAccessToken=${token}; sAccessToken=stale`]) {
        const check = await checkSession(request(cookie), { checkDatabase });
        expect(check.verdict).toEqual({ status: 'ok', userId });
        expect(check.duplicateSessionCookies).toBe(true);
      }
    });

    it('refuses to choose between two valid tokens of different sessions: a conflict, named duplicate', async () => {
      const { token } = await newSession();
      const { token: planted } = await newSession();
      const check = await checkSession(request(`sAccessToken=${planted}; sAccessToken=${token}`), { checkDatabase });
      expect(check).toEqual({ verdict: { status: 'needs-refresh', reason: 'duplicate' }, duplicateSessionCookies: true });
    });

    it('refuses a valid token beside an expired one of another user: the victim’s own may just have expired', async () => {
      const { token: victims } = await newSession(-5 * 60_000);
      const { token: planted } = await newSession();
      for (const cookie of [`sAccessToken=${planted}; sAccessToken=${victims}`, `sAccessToken=${victims}; sAccessToken=${planted}`]) {
        await expect(getSessionVerdict(request(cookie), { checkDatabase })).resolves.toEqual({ status: 'needs-refresh', reason: 'duplicate' });
      }
    });

    it('reads past an expired token of another user whose session the core no longer holds', async () => {
      const { token: gone } = await newSession(-5 * 60_000);
      await Session.revokeSession(sessionHandleOf(gone));
      const { token, userId } = await newSession();
      await expect(getSessionVerdict(request(`sAccessToken=${gone}; sAccessToken=${token}`), { checkDatabase })).resolves.toEqual({ status: 'ok', userId });
    });

    it('accepts a valid token beside an expired one of the same user (an older session left behind)', async () => {
      const { token: older, userId } = await newSession(-5 * 60_000);
      const { token: current } = await newSession(0, userId);
      await expect(getSessionVerdict(request(`sAccessToken=${older}; sAccessToken=${current}`), { checkDatabase })).resolves.toEqual({ status: 'ok', userId });
    });

    it('names duplicate when none verifies (an expired token beside a stale one), not expired', async () => {
      const { token: expired } = await newSession(-5 * 60_000);
      await expect(getSessionVerdict(request(`sAccessToken=stale; sAccessToken=${expired}`), { checkDatabase })).resolves.toEqual({
        status: 'needs-refresh',
        reason: 'duplicate',
      });
    });

    it('takes the newest token when both belong to one session (the one before a refresh, and after)', async () => {
      const { token, userId, handle } = await newSession();
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // iat has a resolution of one second
      const refreshed = await Session.refreshSessionWithoutRequestResponse(handle.refreshToken!);
      const newer = refreshed.getAllSessionTokensDangerously().accessToken;
      const check = await checkSession(request(`sAccessToken=${token}; sAccessToken=${newer}`), { checkDatabase });
      expect(check.verdict).toEqual({ status: 'ok', userId });
      // The newer token, or the one the core mints when it first sees it (checkDatabase makes the
      // core confirm the refresh), which a second later carries a later iat: never the older one.
      const iatOf = (jwt: string) => (JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as { iat: number }).iat;
      expect(iatOf(token)).toBeLessThan(iatOf(newer));
      expect(check.session?.accessTokenPayload.iat).toBeGreaterThanOrEqual(iatOf(newer));
    });

    it('reads one token sent twice as one', async () => {
      const { token, userId } = await newSession();
      await expect(getSessionVerdict(request(`sAccessToken=${token}; sAccessToken=${token}`), { checkDatabase })).resolves.toEqual({ status: 'ok', userId });
    });
  });

  it(`verifies none of more than ${MAX_VERIFIED_DUPLICATES} access-token cookies: a header built to make the server work`, async () => {
    const { token } = await newSession();
    const cookie = [token, ...Array.from({ length: MAX_VERIFIED_DUPLICATES }, (_, i) => `stale-${i}`)].map((value) => `sAccessToken=${value}`).join('; ');
    await expect(getSessionVerdict(request(cookie))).resolves.toEqual({ status: 'needs-refresh', reason: 'duplicate' });
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

  it('expires the stale duplicates on the request path (never SuperTokens’ own path), beside the page’s own cookies', async () => {
    const { token, userId } = await newSession();
    const { ctx, headers } = gsspContext(`sAccessToken=stale; sAccessToken=${token}`, '/_next/data/build-1/account.json?tab=x');
    const handler = async (context: GetServerSidePropsContext) => {
      context.res.setHeader('Set-Cookie', ['theme=dark; Path=/']);
      return { props: {} };
    };

    await expect(withSession(handler)(ctx)).resolves.toEqual({ props: { sessionVerdict: { status: 'ok', userId } } });

    expect(headers['set-cookie']).toEqual([
      'theme=dark; Path=/',
      ...['/_next', '/_next/data', '/_next/data/build-1', '/_next/data/build-1/account.json'].map(
        (path) => `sAccessToken=; Path=${path}; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax`,
      ),
    ]);
  });

  it('sets no cookie when the request carried one access token', async () => {
    const { cookie } = await newSession();
    const { ctx, headers } = gsspContext(cookie, '/account');
    await withSession(async () => ({ props: {} }))(ctx);
    expect(headers['set-cookie']).toBeUndefined();
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

async function newSession(coreClockOffsetMs = 0, userId = `user-${Math.random().toString(36).slice(2, 8)}`) {
  clock.offsetMs = coreClockOffsetMs;
  const session = await Session.createNewSessionWithoutRequestResponse('public', SuperTokens.convertToRecipeUserId(userId));
  clock.offsetMs = 0;
  const handle = session.getAllSessionTokensDangerously();
  const token = handle.accessToken;
  return { userId, token, handle, cookie: `theme=dark; sAccessToken=${token}` };
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

function sessionHandleOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sessionHandle: string }).sessionHandle;
}

function request(cookie: string) {
  return { req: { headers: { cookie } } };
}

function gsspContext(cookie: string, url = '/') {
  const headers: Record<string, string | string[]> = {};
  const ctx = {
    req: { headers: { cookie }, url },
    res: {
      setHeader: (name: string, value: string | string[]) => (headers[name.toLowerCase()] = value),
      getHeader: (name: string) => headers[name.toLowerCase()],
    },
    query: {},
    resolvedUrl: url,
  } as unknown as GetServerSidePropsContext;
  return { ctx, headers };
}
