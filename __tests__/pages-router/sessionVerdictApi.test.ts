/** @jest-environment node */
import type { NextApiRequest, NextApiResponse } from 'next';
import SuperTokens from 'supertokens-node';
import Session from 'supertokens-node/recipe/session';
import type { EmbeddedCore } from 'ssr-session-flow-embedded-core';
import { createSessionVerdictApi } from '../../lib/pages-router/server/sessionVerdictApi';
import { createTestApp, startTestCore } from '../embedded-core/support/coreFixture';
import { initSdk } from '../embedded-core/support/sdk';

let core: EmbeddedCore;
beforeAll(async () => {
  core = await startTestCore();
  initSdk({ connectionURI: (await createTestApp(core)).url });
});
afterAll(() => core.close());

describe('session verdict API', () => {
  it('answers the verdict for the request cookies, never cached', async () => {
    const session = await Session.createNewSessionWithoutRequestResponse('public', SuperTokens.convertToRecipeUserId('api-user'));
    const token = session.getAllSessionTokensDangerously().accessToken;
    const res = await call('GET', `sAccessToken=${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toEqual({ verdict: { status: 'ok', userId: 'api-user' } });
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('answers needs-refresh for a request without a session', async () => {
    const res = await call('GET', '');
    expect(res.body).toEqual({ verdict: { status: 'needs-refresh', reason: 'missing' } });
  });

  it('refuses other methods with 405 and an Allow header', async () => {
    const res = await call('POST', '');
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET');
  });
});

async function call(method: string, cookie: string) {
  const res = {
    statusCode: 0,
    body: undefined as unknown,
    headers: {} as Record<string, string>,
    setHeader(name: string, value: string) {
      res.headers[name.toLowerCase()] = value;
      return res;
    },
    status(code: number) {
      res.statusCode = code;
      return res;
    },
    json(body: unknown) {
      res.body = body;
      return res;
    },
  };
  const req = { method, headers: { cookie } };
  await createSessionVerdictApi()(req as unknown as NextApiRequest, res as unknown as NextApiResponse);
  return res;
}
