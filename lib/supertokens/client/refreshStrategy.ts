import { attemptRefreshingSession } from 'supertokens-website';

/** How the session is refreshed: SuperTokens' own public call, or the lean one (`leanRefresh`). */
export interface RefreshStrategy {
  /** Refreshes under SuperTokens' lock: `true` refreshed, `false` the session is gone; throws otherwise. */
  refresh(): Promise<boolean>;
  /** Lets the strategy hold its own work back while the server props reload. */
  whileReloading<T>(reload: Promise<T>): Promise<T>;
}

/** supertokens-website's public `attemptRefreshingSession()`: what every release of the SDK keeps. */
export const publicRefresh: RefreshStrategy = {
  refresh: () => attemptRefreshingSession(),
  whileReloading: (reload) => reload,
};
