import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import type { LoggedRequest } from './requestLog';

/**
 * Refreshes ahead of expiry, as the active-tab specs judge them: every one answered 200 (one sent
 * as the spec's last round ended may still be on its way on a busy machine), and one per token.
 * Each token is refreshed a fifth of its lifetime (plus jitter, up to a fifth more) before it
 * expires, so refreshes come about every three quarters of a lifetime, and two for one token would
 * come within half a lifetime of each other. `nameOf` names the tab of each in the message.
 */
export async function expectEachTokenRefreshedOnce(refreshes: readonly LoggedRequest[], lifetimeMs: number, nameOf: (page: Page | null) => string): Promise<void> {
  await expect.poll(() => refreshes.filter((refresh) => refresh.status === null && refresh.failure === null).length, { message: 'every refresh answered' }).toBe(0);
  expect(refreshes.map((refresh) => refresh.status), 'every refresh ahead of expiry succeeded').toEqual(refreshes.map(() => 200));
  const gaps = refreshes.slice(1).map((refresh, index) => refresh.sentAt - refreshes[index]!.sentAt);
  const senders = refreshes.map((refresh) => nameOf(refresh.page));
  expect(gaps.filter((gap) => gap < lifetimeMs / 2), `one refresh per token (gaps ${gaps.join(', ')} ms; sent by ${senders.join(', ')})`).toEqual([]);
}
