import { attemptRefreshingSession, doesSessionExist, signOut as signOutWithSdk } from 'supertokens-website';
import { LockFactoryReference } from 'supertokens-website/utils/lockFactory';
import { frontTokenFromCookies, readFrontToken } from './frontToken';
import { sdkNow } from './sdkClock';
import { readSdkCookies } from './sdkCookies';
import { SignOutNotConfirmedError } from './signOutNotConfirmedError';

/** The key supertokens-website's refresh holds its lock under; leanRefresh.ts says why it is written twice. */
const SDK_REFRESH_LOCK_KEY = 'REFRESH_TOKEN_USE';
/**
 * A refresh in another tab that holds the lock longer has met a network fault: go on anyway.
 * Short enough that the flow's sign-out or refresh (15 s deadline) still has time for its request.
 */
const LOCK_PATIENCE_MS = 5_000;
/** A token this close to expiry would make the SDK's sign-out refresh first, and wait for this lock. */
const EXPIRY_MARGIN_MS = 2_000;
/**
 * The longest the work keeps the lock: should its request meet a 401 anyway, the SDK's refresh
 * asks for this very lock, and must get it.
 */
const LONGEST_HOLD_MS = 5_000;
const NOT_CONFIRMED = 'Not signed out: the server did not answer.';

/** The kit's `signOut` (see signOut.ts), loaded with the rest of this module when a sign-out happens. */
export async function signOutOrReject(): Promise<void> {
  // After a refused refresh (401) the SDK drops its front token: the session is gone, and the
  // SDK's sign-out below just tells the tabs so. A front token left means the refresh failed.
  if (!(await doesSessionExist()) && frontTokenFromCookies(await readSdkCookies())) throw new SignOutNotConfirmedError(NOT_CONFIRMED);
  await signOutBetweenRefreshes({ whenRefreshFails: 'reject' });
}

export interface SignOutBetweenRefreshesOptions {
  /**
   * A token about to expire is refreshed first; when that refresh fails, `reject` (the kit's
   * `signOut`: the session lives on, say so) or `sdk` (the flow's "Sign in again": the SDK's
   * sign-out, which gives up locally and lets the sign-in form show). `sdk` by default.
   */
  whenRefreshFails?: 'reject' | 'sdk';
}

/**
 * supertokens-website's `signOut()`, never in the middle of another tab's refresh. The SDK's
 * sign-out takes no lock: when another tab's refresh (a refresh ahead of expiry, say) is answered
 * after the sign-out, its answer writes the rotated tokens back into the cookies every tab shares.
 * The session is revoked on the server, but its new access token still verifies until it expires,
 * and the SDK believes a session exists (found by the soak, seed 5016). Under the refresh's own
 * lock the sign-out waits for a refresh in flight (up to `LOCK_PATIENCE_MS`), and a refresh that
 * waited for it finds no session and asks nothing.
 *
 * The lock is never held across a refresh of this tab: a token about to expire is refreshed first,
 * outside it (the SDK's sign-out would refresh it inside, and wait for this lock), and the lock
 * goes after `LONGEST_HOLD_MS` whatever the sign-out still waits for.
 */
export async function signOutBetweenRefreshes({ whenRefreshFails = 'sdk' }: SignOutBetweenRefreshesOptions = {}): Promise<void> {
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const signedOut = await underRefreshLock(async () => {
      const token = readFrontToken(await readSdkCookies());
      if (token && token.expiresAt - sdkNow() < EXPIRY_MARGIN_MS) return false;
      await signOutWithSdk();
      return true;
    });
    if (signedOut) return;
    // Under the lock, as the SDK refreshes.
    if (!(await attemptRefreshingSession().catch(() => false))) {
      if (whenRefreshFails === 'reject') throw new SignOutNotConfirmedError(NOT_CONFIRMED);
      break;
    }
  }
  // The refresh failed, or the token is still about to expire after it (a clock far off): the
  // SDK's sign-out as it is.
  await signOutWithSdk();
}

/**
 * Runs `work` under the lock supertokens-website refreshes under (the app's lock factory), so no
 * tab's refresh is answered in its middle; the lock goes after `LONGEST_HOLD_MS` whatever `work`
 * still waits for. Also the lock of refreshWithoutFrontToken.ts, which imports it from here: in a
 * module of its own, shared by two lazily loaded ones, Turbopack split the first-load chunks
 * differently, 700 bytes heavier on every page (measured).
 */
export async function underRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = await LockFactoryReference.getReferenceOrThrow().lockFactory();
  // One request for the whole wait, not the SDK's one a second: each new request joins the queue
  // at its end, behind refreshes that asked meanwhile (e2e 25 under load: refreshes ahead chained,
  // and the sign-out gave up waiting and went out while one was on its way back).
  const acquired = await lock.acquireLock(SDK_REFRESH_LOCK_KEY, LOCK_PATIENCE_MS);
  const working = work();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([working.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, LONGEST_HOLD_MS)))]);
  clearTimeout(timer);
  if (acquired) await lock.releaseLock(SDK_REFRESH_LOCK_KEY);
  return working;
}
