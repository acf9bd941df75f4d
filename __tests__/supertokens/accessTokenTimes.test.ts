import { superTokensSessionPorts } from 'ssr-session-flow/supertokens/client';
import { signedIn, useRealWebsiteSdk } from '../support/websiteSdkFakes';

/**
 * The SuperTokens port that times a refresh ahead of expiry, against the real supertokens-website
 * in jsdom: it reads the front token through the SDK's cookie handler and the SDK's clock.
 */
useRealWebsiteSdk();
const ports = superTokensSessionPorts();

function frontTokenIssued(issuedAtS: number, expiresAtMs: number): string {
  return btoa(JSON.stringify({ uid: 'user-1', ate: expiresAtMs, up: { sub: 'user-1', iat: issuedAtS } }));
}

describe('superTokensSessionPorts: the access token’s times', () => {
  it('tells how long the token has left and its whole lifetime', async () => {
    const issuedAtS = Math.floor(Date.now() / 1000) - 600;
    signedIn(frontTokenIssued(issuedAtS, issuedAtS * 1000 + 3_600_000));

    const times = await ports.accessTokenTimes?.();

    expect(times?.lifetimeMs).toBe(3_600_000);
    // Ten minutes of the hour spent, give or take the test's own milliseconds.
    expect(times?.expiresInMs).toBeGreaterThan(3_000_000 - 5_000);
    expect(times?.expiresInMs).toBeLessThanOrEqual(3_000_000);
  });

  it('says nothing when the token was issued at or after its expiry: no lifetime to time a refresh by', async () => {
    const nowS = Math.floor(Date.now() / 1000);
    signedIn(frontTokenIssued(nowS, nowS * 1000));
    expect(await ports.accessTokenTimes?.()).toBeNull();
    signedIn(frontTokenIssued(nowS + 60, nowS * 1000 + 30_000));
    expect(await ports.accessTokenTimes?.()).toBeNull();
  });

  it('says nothing without a session, or when the front token carries no issue time', async () => {
    expect(await ports.accessTokenTimes?.()).toBeNull();
    signedIn(btoa(JSON.stringify({ uid: 'user-1', ate: Date.now() + 60_000, up: { sub: 'user-1' } })));
    expect(await ports.accessTokenTimes?.()).toBeNull();
  });
});
