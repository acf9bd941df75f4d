import type { JsonObject } from '../json';

/**
 * Everything the core keeps. Every collection that a request string can index (app ids, user ids,
 * session handles) is a `Map`, never a plain object: a `__proto__` or `constructor` sent by a
 * client is then just a key that is not there. The data file stores the same shape as JSON
 * (see dataFile.ts).
 */
export interface StoreData {
  apps: Map<string, StoredApp>;
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
  users: Map<string, StoredUser>;
  sessions: Map<string, StoredSession>;
  passwordResetTokens: StoredPasswordResetToken[];
  emailVerificationTokens: StoredEmailVerificationToken[];
  /** (user id, email) pairs marked verified; app-wide, as in the core. */
  verifiedEmails: StoredVerifiedEmail[];
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
  /** `scrypt$N$r$p$<salt b64>$<hash b64>` (tokens/passwords.ts). */
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

/** Tokens belong to a tenant in the core; only their SHA-256 is kept. */
export interface StoredEmailVerificationToken {
  tokenHash: string;
  userId: string;
  email: string;
  tenantId: string;
  expiry: number;
}

export interface StoredVerifiedEmail {
  userId: string;
  email: string;
}
