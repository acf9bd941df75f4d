/** @jest-environment node */
import { createCoreApp, createFakeClock, seedEmailPasswordUser, snapshotStore } from 'ssr-session-flow-embedded-core';
import { TEST_PASSWORD_HASHING } from './support/coreFixture';
import { callApp } from './support/inProcess';

describe('tokens that repeated requests create', () => {
  it.each([
    ['password reset', '/public/recipe/user/password/reset/token', 'passwordResetTokens'],
    ['email verification', '/public/recipe/user/email/verify/token', 'emailVerificationTokens'],
  ])('keeps only live %s tokens: expired ones go when a new one is made', async (_kind, path, list) => {
    const clock = createFakeClock(Date.UTC(2030, 0, 1));
    const app = createCoreApp({ clock, passwordHashing: { params: TEST_PASSWORD_HASHING } });
    const seed = { email: 'a@example.com', password: 'pw-123456', passwordHashing: TEST_PASSWORD_HASHING };
    const user = await seedEmailPasswordUser(app.store, seed);
    const request = () => callApp(app, 'POST', path, { userId: user.id, email: 'a@example.com' });
    for (let i = 0; i < 5; i += 1) await request();
    const before = tokenCount(app, list);

    clock.advance(25 * 3_600_000);
    await request();

    expect([before, tokenCount(app, list)]).toEqual([5, 1]);
  });
});

function tokenCount(app: ReturnType<typeof createCoreApp>, list: string): number {
  const snapshot = snapshotStore(app.store) as { apps: Record<string, Record<string, unknown[]>> };
  return snapshot.apps.public?.[list]?.length ?? -1;
}
