import { createActor } from 'xstate';
import { sessionFlowMachine } from '../../machines/sessionFlowMachine';
import { isSensitiveKey, REDACTED, redactForInspector, redactString } from '../../lib/inspect/redactForInspector';
import { redactInspectionMessage } from '../../lib/inspect/redactInspectionMessage';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1LTEiLCJleHAiOjE3MDB9.QmFzZTY0U2lnbmF0dXJlX19fXw';

describe('redactForInspector', () => {
  it.each([
    'userId',
    'sub',
    'email',
    'password',
    'newPassword',
    'token',
    'accessToken',
    'refreshToken',
    'sFrontToken',
    'st-access-token',
    'antiCsrf',
    'anti-csrf',
    'cookie',
    'set-cookie',
    'Authorization',
    'clientSecret',
  ])('treats %s as a secret key', (key) => {
    expect(isSensitiveKey(key)).toBe(true);
  });

  it.each(['type', 'status', 'reason', 'sessionId', 'rootId', 'verdict', 'recoveryAttempts', 'value', 'id'])(
    'leaves %s readable',
    (key) => {
      expect(isSensitiveKey(key)).toBe(false);
    },
  );

  it('replaces the values of secret keys at any depth, and keeps everything else', () => {
    const redacted = redactForInspector({
      type: 'server.verdictReceived',
      verdict: { status: 'ok', userId: 'user-1' },
      session: { tokens: { accessToken: JWT, refreshToken: { opaque: true } }, antiCsrf: null },
      recoveryAttempts: 1,
    });

    expect(redacted).toEqual({
      type: 'server.verdictReceived',
      verdict: { status: 'ok', userId: REDACTED },
      session: { tokens: REDACTED, antiCsrf: null },
      recoveryAttempts: 1,
    });
  });

  it('hides token-shaped text inside free strings', () => {
    const text = redactString(
      `Bearer ${JWT}; Cookie: sAccessToken=abc123; sRefreshToken=def456; redirectToPath=/account ` +
        'for ada@example.com (fa7b3c2e-91d4-4c55-8e0a-3b2f6d1c9e47) refresh Rt8hQ2mLx9Vb4Nc7Kd1Fz6Wp3Ys5Jg0Ua2Ie8Ho4Tq7',
    );

    for (const secret of [JWT, 'abc123', 'def456', 'ada@example.com', 'fa7b3c2e', 'Rt8hQ2mLx9Vb']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('redirectToPath=/account');
  });

  it('leaves event names, state ids and ordinary text alone', () => {
    const text = 'sessionFlow.reloading.soft --refresh.succeeded--> Session refreshed. Loading the page again…';
    expect(redactString(text)).toBe(text);
  });

  it('is idempotent, so the inspector may serialise a message twice', () => {
    const once = redactForInspector({ note: `Bearer ${JWT}; sAccessToken=abc123`, email: 'ada@example.com' });
    expect(redactForInspector(once)).toEqual(once);
  });

  it('returns plain JSON: honours toJSON, drops functions, marks cycles and over-deep values', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const deep = { a: { b: { c: { d: 'too deep' } } } };

    const redacted = redactForInspector(
      { cyclic, deep, when: new Date(0), callback: () => 1, missing: undefined, big: 10n, error: new Error(`bad ${JWT}`) },
      { depthLimit: 3 },
    );

    expect(redacted).toEqual({
      cyclic: { name: 'loop', self: '[circular]' },
      deep: { a: { b: '[depth limit]' } },
      when: '1970-01-01T00:00:00.000Z',
      big: '10',
      error: { name: 'Error', message: `bad ${REDACTED}:jwt` },
    });
  });

  it('keeps state names that mention tokens when keys are names from code', () => {
    expect(redactForInspector({ refreshingToken: 'pending' }, { redactKeys: false })).toEqual({ refreshingToken: 'pending' });
  });
});

describe('redactInspectionMessage', () => {
  it('redacts a live machine snapshot through its toJSON, keeping its state value', () => {
    const actor = createActor(sessionFlowMachine, { input: { verdict: { status: 'ok', userId: 'user-1' } } }).start();

    const message = redactInspectionMessage({ type: '@xstate.snapshot', sessionId: 'x:0', snapshot: actor.getSnapshot() });

    expect(message).toMatchObject({
      type: '@xstate.snapshot',
      sessionId: 'x:0',
      snapshot: { value: 'authenticated', status: 'active', context: { verdict: { status: 'ok', userId: REDACTED } } },
    });
    expect(JSON.stringify(message)).not.toContain('user-1');
  });
});
