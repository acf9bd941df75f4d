/** @jest-environment node */
import type { BrowserContext } from '@playwright/test';
import { waitForAccessTokenExpiry } from '../../../lib/testing/playwright/accessTokenExpiry';

const ORIGIN = 'http://localhost:3000';

describe('waitForAccessTokenExpiry', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('returns once the token has expired, a little past its exp', async () => {
    const jar = cookieJar(() => Date.now() + 3_000);
    let done = false;
    const waiting = waitForAccessTokenExpiry(jar.context, ORIGIN).then(() => (done = true));
    jar.expiresAt = () => 1_003_000;
    await jest.advanceTimersByTimeAsync(3_249);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
  });

  it('refuses at once a token that expires later than maxWaitMs, saying how to set the core up', async () => {
    const jar = cookieJar(() => Date.now() + 3_600_000);
    await expect(waitForAccessTokenExpiry(jar.context, ORIGIN)).rejects.toThrow(/expires in 3601 s, longer than maxWaitMs \(20000 ms\).*accessTokenValidity: 3/);
  });

  it('gives up when the token keeps being renewed, past maxWaitMs in all, and says what renews it', async () => {
    // A tab left visible refreshes ahead of expiry: each time the test looks, a fresh 3 s token.
    const jar = cookieJar(() => Date.now() + 3_000);
    const waiting = waitForAccessTokenExpiry(jar.context, ORIGIN, { maxWaitMs: 10_000 });
    const outcome = waiting.then(
      () => 'returned',
      (error: Error) => error.message,
    );
    await jest.advanceTimersByTimeAsync(10_000);
    expect(await outcome).toMatch(/renewed 3 times while waiting for it to expire, past maxWaitMs \(10000 ms\)/);
  });
});

/** A context whose only cookie is an access token expiring at `expiresAt()` (read on every look). */
function cookieJar(initial: () => number) {
  const jar = {
    expiresAt: initial,
    context: {
      pages: () => [],
      cookies: async () => [{ name: 'sAccessToken', path: '/', value: accessToken(Math.floor(jar.expiresAt() / 1000)) }],
    } as unknown as BrowserContext,
  };
  return jar;
}

function accessToken(exp: number): string {
  return ['header', Buffer.from(JSON.stringify({ exp })).toString('base64url'), 'signature'].join('.');
}
