import { DEFAULT_APP_ID, DEFAULT_TENANT_ID, newStoredApp } from './domain/apps';
import { createUser, normaliseEmail } from './domain/users';
import { systemClock, type Clock } from './clock';
import { DEFAULT_CORE_CONFIG, toEffectiveConfig } from './config';
import { cloneJson, type JsonObject } from './json';
import type { CoreStore } from './store/coreStore';
import { serializeStoreData } from './store/dataFile';
import { createPasswordHasher, type ScryptParams } from './tokens/passwords';

/**
 * Seed helpers for tests: put state into a store the way the core's own APIs would, so tests
 * never write store internals by hand. Use them on the store passed to createCoreApp.
 */
export function seedApp(store: CoreStore, appId: string, coreConfig: JsonObject = {}): void {
  const existing = store.data.apps.get(appId);
  if (existing) existing.coreConfig = cloneJson(coreConfig);
  else store.data.apps.set(appId, newStoredApp(appId, coreConfig));
  store.markChanged();
}

export interface SeedUserInput {
  email: string;
  password: string;
  appId?: string;
  clock?: Clock;
  /** Hash cost; defaults to the production policy. Tests pass the cost they give createCoreApp. */
  passwordHashing?: ScryptParams;
}

/** Creates an EmailPassword user in the app's public tenant; returns its id. */
export async function seedEmailPasswordUser(store: CoreStore, input: SeedUserInput): Promise<{ id: string }> {
  const appId = input.appId ?? DEFAULT_APP_ID;
  if (!store.data.apps.has(appId)) seedApp(store, appId);
  const app = store.data.apps.get(appId);
  if (!app) throw new Error(`app ${appId} could not be seeded`);
  const ctx = {
    appId,
    app,
    config: toEffectiveConfig(DEFAULT_CORE_CONFIG),
    clock: input.clock ?? systemClock,
    passwords: createPasswordHasher({ params: input.passwordHashing }),
    changed: () => store.markChanged(),
  };
  const user = await createUser(ctx, DEFAULT_TENANT_ID, normaliseEmail(input.email), input.password);
  return { id: user.id };
}

/** The whole store as the data file would hold it: tests compare snapshots to see what a request changed. */
export function snapshotStore(store: CoreStore): JsonObject {
  return serializeStoreData(store.data);
}

/** What a test may want to know about an app without reaching into the store. */
export interface AppSummary {
  users: number;
  sessions: number;
  dynamicKeyIds: string[];
  staticKeyId: string | null;
}

export function summarizeApp(store: CoreStore, appId: string = DEFAULT_APP_ID): AppSummary | undefined {
  const app = store.data.apps.get(appId);
  if (!app) return undefined;
  return {
    users: app.users.size,
    sessions: app.sessions.size,
    dynamicKeyIds: app.dynamicKeys.map((key) => key.kid),
    staticKeyId: app.staticKey?.kid ?? null,
  };
}
