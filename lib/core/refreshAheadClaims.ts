/** What a lock manager needs to be: `navigator.locks` in the browser. */
export interface LockManagerLike {
  request(name: string, options: { ifAvailable: true }, callback: (lock: object | null) => Promise<void> | undefined): Promise<unknown>;
}

/**
 * One tab's claims on refreshing tokens ahead (see `CrossTabSessionEvents.claimRefreshAhead`): a
 * Web Lock per token, named by its expiry, held by the tab that refreshes it until that tab
 * claims the next token or closes. The browser grants a lock to one tab at once, where a message
 * from the tab that refreshes may come late, and where the cookies it wrote may reach the other
 * tabs a little after the SDK's refresh lock is free (seen in CI: one token refreshed by two tabs).
 * Without Web Locks, or where they are refused (an opaque origin), every claim is granted.
 */
export function createRefreshAheadClaims(locks: LockManagerLike | null): (tokenExpiresAt: number) => Promise<boolean> {
  let claimed: string | undefined;
  let release = () => {};
  return (tokenExpiresAt) => {
    const name = `ssr-session-flow:refresh-ahead:${tokenExpiresAt}`;
    return new Promise((resolve) => {
      if (name === claimed || !locks) return resolve(true);
      locks
        .request(name, { ifAvailable: true }, (lock) => {
          resolve(lock !== null);
          if (!lock) return;
          release();
          claimed = name;
          return new Promise<void>((held) => (release = held));
        })
        .catch(() => resolve(true));
    });
  };
}

/** This tab's (this module is loaded once per page, when a token is first due). */
export const claimRefreshAhead = createRefreshAheadClaims((typeof navigator !== 'undefined' && navigator.locks) || null);
