/** @jest-environment node */
import SuperTokens from 'supertokens-node';
import Session from 'supertokens-node/recipe/session';
import { checkSession, getSessionVerdict } from 'ssr-session-flow/app-router/server';
import { checkSession as checkRequest } from 'ssr-session-flow/supertokens/server';
import { createTestApp, useSharedTestCore } from '../embedded-core/support/coreFixture';
import { initSdk } from '../embedded-core/support/sdk';

/** What `next/headers` gives a server component: the request's headers, read-only. */
const request = { cookie: '' };
jest.mock('next/headers', () => ({
  headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}),
  cookies: async () => {
    throw new Error('the App Router helper must read the raw Cookie header, not the parsed cookie map');
  },
}));

const shared = useSharedTestCore();

beforeEach(async () => {
  initSdk({ connectionURI: (await createTestApp(shared.core, { access_token_validity: 60 })).url });
});

describe('checkSession (server components, route handlers)', () => {
  it('answers exactly as the router-agnostic check does for the same cookies, whatever they hold', async () => {
    const { token, userId } = await newSession();
    const { token: expired } = await newSession(-5 * 60_000);
    for (const cookie of ['', `sAccessToken=${token}`, `sAccessToken=${expired}`, `sAccessToken=${token}; sAccessToken=${expired}`, 'sAccessToken=garbage']) {
      request.cookie = cookie;
      const viaHeaders = await checkSession();
      const direct = await checkRequest({ req: { headers: { cookie } } });
      expect(viaHeaders.verdict).toEqual(direct.verdict);
    }
    request.cookie = `sAccessToken=${token}`;
    await expect(getSessionVerdict()).resolves.toEqual({ status: 'ok', userId });
  });

  it('with checkDatabase, sees a revoked session as revoked', async () => {
    const { token, userId } = await newSession();
    await Session.revokeAllSessionsForUser(userId);
    request.cookie = `sAccessToken=${token}`;
    await expect(getSessionVerdict({ checkDatabase: true })).resolves.toEqual({ status: 'needs-refresh', reason: 'revoked' });
  });
});

async function newSession(coreClockOffsetMs = 0) {
  const userId = `user-${Math.random().toString(36).slice(2, 8)}`;
  shared.clock.offsetMs = coreClockOffsetMs;
  const session = await Session.createNewSessionWithoutRequestResponse('public', SuperTokens.convertToRecipeUserId(userId));
  shared.clock.offsetMs = 0;
  return { userId, token: session.getAllSessionTokensDangerously().accessToken };
}
