import type { JsonObject } from '../json';

/** Everything the core keeps, per app. Plain JSON so it can be written to the data file as is. */
export interface StoreData {
  version: 1;
  apps: Record<string, StoredApp>;
}

export interface StoredApp {
  appId: string;
  /** The app's coreConfig overrides, in the core's snake_case keys, as last set. */
  coreConfig: JsonObject;
  /** AES-256 key (base64) that seals refresh tokens, like the core's per-app refresh token key. */
  refreshTokenKey: string;
  /** Newest first. */
  dynamicKeys: StoredSigningKey[];
  staticKey: StoredSigningKey | null;
  users: Record<string, StoredUser>;
  sessions: Record<string, StoredSession>;
  passwordResetTokens: StoredPasswordResetToken[];
}

export interface StoredSigningKey {
  /** `d-<createdAtMs>` for dynamic keys, `s-<uuid>` for the static key: the SDK checks the prefix. */
  kid: string;
  createdAt: number;
  /** PKCS#8 PEM of an RSA-2048 key. */
  privateKeyPem: string;
}

/** An EmailPassword user; account linking is not supported, so one login method per user. */
export interface StoredUser {
  id: string;
  email: string;
  passwordHash: string;
  timeJoined: number;
  tenantIds: string[];
}

export interface StoredSession {
  handle: string;
  userId: string;
  recipeUserId: string;
  tenantId: string;
  /** H(H(current refresh token)). */
  refreshTokenHash2: string;
  userDataInJWT: JsonObject;
  userDataInDatabase: JsonObject;
  /** Refresh token (session) expiry, ms. */
  expiry: number;
  timeCreated: number;
  useStaticKey: boolean;
}

export interface StoredPasswordResetToken {
  tokenHash: string;
  userId: string;
  email: string;
  expiry: number;
}
