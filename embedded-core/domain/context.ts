import type { Clock } from '../clock';
import type { EffectiveConfig } from '../config';
import type { StoredApp } from '../store/types';
import type { PasswordHasher } from '../tokens/passwords';

/** What domain code needs for one app: its state, its effective config, time, hashing, and a way to say "persist me". */
export interface AppContext {
  readonly appId: string;
  readonly app: StoredApp;
  readonly config: EffectiveConfig;
  readonly clock: Clock;
  readonly passwords: PasswordHasher;
  changed(): void;
}

/** A business verdict the core answers with HTTP 200 and `status: "UNAUTHORISED"`. */
export class UnauthorisedError extends Error {
  override name = 'UnauthorisedError';
}

/** A business verdict the core answers with HTTP 200 and `status: "TRY_REFRESH_TOKEN"`. */
export class TryRefreshTokenError extends Error {
  override name = 'TryRefreshTokenError';
}
