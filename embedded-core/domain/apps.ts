import { applyAppCoreConfig } from '../appConfig';
import { CoreConfigError, toEffectiveConfig, type CoreConfig, type EffectiveConfig } from '../config';
import { CoreHttpError } from '../errors';
import { isReservedId } from '../ids';
import { cloneJson, jsonObjectFrom, type JsonObject } from '../json';
import type { CoreStore } from '../store/coreStore';
import type { StoredApp } from '../store/types';
import { newRefreshTokenKey } from '../tokens/refreshToken';

export const DEFAULT_APP_ID = 'public';
export const DEFAULT_TENANT_ID = 'public';

export function newStoredApp(appId: string, coreConfig: JsonObject = {}): StoredApp {
  return {
    appId,
    coreConfig: cloneJson(coreConfig),
    refreshTokenKey: newRefreshTokenKey(),
    dynamicKeys: [],
    staticKey: null,
    users: new Map(),
    sessions: new Map(),
    passwordResetTokens: [],
    emailVerificationTokens: [],
    verifiedEmails: [],
  };
}

/** The default app always exists, as in the core. */
export function ensureDefaultApp(store: CoreStore): void {
  if (store.data.apps.has(DEFAULT_APP_ID)) return;
  store.data.apps.set(DEFAULT_APP_ID, newStoredApp(DEFAULT_APP_ID));
  store.markChanged();
}

export function effectiveConfigOf(base: CoreConfig, app: StoredApp): EffectiveConfig {
  return toEffectiveConfig(applyAppCoreConfig(base, app.coreConfig));
}

/** The core's Utils.normalizeAndValidateAppId. */
export function normaliseAppId(raw: string): string {
  const appId = raw.trim().toLowerCase();
  if (appId === '') throw new CoreHttpError(400, 'appId should not be an empty String');
  if (appId.startsWith('appid-')) throw new CoreHttpError(400, "appId must not start with 'appid-'");
  if (!/^[a-z0-9-]+$/.test(appId)) throw new CoreHttpError(400, 'appId can only contain letters, numbers and hyphens');
  // Worded like the core's refusal of its reserved tenant ids ("Cannot use 'recipe' as a tenantId").
  if (isReservedId(appId)) throw new CoreHttpError(400, `Cannot use '${appId}' as an appId`);
  return appId;
}

/** A null value in the new config removes that key, as the core's mergeConfig does. */
function mergeCoreConfig(current: JsonObject, update: JsonObject): JsonObject {
  const merged = new Map(Object.entries(cloneJson(current)));
  for (const [key, value] of Object.entries(update)) {
    if (value === null) merged.delete(key);
    else merged.set(key, cloneJson(value));
  }
  return jsonObjectFrom(merged);
}

export function createOrUpdateApp(
  store: CoreStore,
  base: CoreConfig,
  appId: string,
  coreConfig: JsonObject | undefined,
): JsonObject {
  const existing = store.data.apps.get(appId);
  const merged = mergeCoreConfig(existing?.coreConfig ?? {}, coreConfig ?? {});
  try {
    applyAppCoreConfig(base, merged);
  } catch (error) {
    if (error instanceof CoreConfigError) throw new CoreHttpError(400, `Invalid core config: ${error.message}`);
    throw error;
  }
  if (existing) existing.coreConfig = merged;
  else store.data.apps.set(appId, newStoredApp(appId, merged));
  store.markChanged();
  return { status: 'OK', createdNew: existing === undefined };
}

export function removeApp(store: CoreStore, appId: string): JsonObject {
  if (appId === DEFAULT_APP_ID) {
    throw new CoreHttpError(403, 'Cannot delete the public app, use remove connection uri domain API instead');
  }
  const didExist = store.data.apps.delete(appId);
  if (didExist) store.markChanged();
  return { status: 'OK', didExist };
}

/**
 * The tenant as GET /recipe/multitenancy/tenant/v2 shows it. `firstFactors` is left out so the
 * SDK enables every factor of its initialised recipes. Divergence: each app has exactly one
 * tenant, `public`; tenants cannot be created.
 */
export function tenantJson(app: StoredApp): JsonObject {
  return {
    status: 'OK',
    tenantId: DEFAULT_TENANT_ID,
    thirdParty: { providers: [] },
    coreConfig: cloneJson(app.coreConfig),
  };
}
