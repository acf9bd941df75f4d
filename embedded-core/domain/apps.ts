import {
  applyAppCoreConfig,
  CoreConfigError,
  toEffectiveConfig,
  type CoreConfig,
  type EffectiveConfig,
} from '../config';
import { CoreHttpError } from '../errors';
import { cloneJson, type JsonObject } from '../json';
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
    users: {},
    sessions: {},
    passwordResetTokens: [],
  };
}

/** The default app always exists, as in the core. */
export function ensureDefaultApp(store: CoreStore): void {
  if (store.data.apps[DEFAULT_APP_ID]) return;
  store.data.apps[DEFAULT_APP_ID] = newStoredApp(DEFAULT_APP_ID);
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
  return appId;
}

/** A null value in the new config removes that key, as the core's mergeConfig does. */
function mergeCoreConfig(current: JsonObject, update: JsonObject): JsonObject {
  const merged = cloneJson(current);
  for (const [key, value] of Object.entries(update)) {
    if (value === null) delete merged[key];
    else merged[key] = cloneJson(value);
  }
  return merged;
}

export function createOrUpdateApp(
  store: CoreStore,
  base: CoreConfig,
  appId: string,
  coreConfig: JsonObject | undefined,
): JsonObject {
  const existing = store.data.apps[appId];
  const merged = mergeCoreConfig(existing?.coreConfig ?? {}, coreConfig ?? {});
  try {
    applyAppCoreConfig(base, merged);
  } catch (error) {
    if (error instanceof CoreConfigError) throw new CoreHttpError(400, `Invalid core config: ${error.message}`);
    throw error;
  }
  if (existing) existing.coreConfig = merged;
  else store.data.apps[appId] = newStoredApp(appId, merged);
  store.markChanged();
  return { status: 'OK', createdNew: existing === undefined };
}

export function removeApp(store: CoreStore, appId: string): JsonObject {
  if (appId === DEFAULT_APP_ID) {
    throw new CoreHttpError(403, 'Cannot delete the public app, use remove connection uri domain API instead');
  }
  const didExist = appId in store.data.apps;
  delete store.data.apps[appId];
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
