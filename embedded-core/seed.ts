import { DEFAULT_APP_ID, DEFAULT_TENANT_ID, newStoredApp } from './domain/apps';
import { createUser, normaliseEmail } from './domain/users';
import { systemClock, type Clock } from './clock';
import { DEFAULT_CORE_CONFIG, toEffectiveConfig } from './config';
import type { JsonObject } from './json';
import type { CoreStore } from './store/coreStore';

/**
 * Seed helpers for tests: put state into a store the way the core's own APIs would, so tests
 * never write store internals by hand. Use them on the store passed to createCoreApp.
 */
export function seedApp(store: CoreStore, appId: string, coreConfig: JsonObject = {}): void {
  if (!store.data.apps[appId]) store.data.apps[appId] = newStoredApp(appId, coreConfig);
  else store.data.apps[appId].coreConfig = { ...coreConfig };
  store.markChanged();
}

export interface SeedUserInput {
  email: string;
  password: string;
  appId?: string;
  clock?: Clock;
}

/** Creates an EmailPassword user in the app's public tenant; returns its id. */
export function seedEmailPasswordUser(store: CoreStore, input: SeedUserInput): { id: string } {
  const appId = input.appId ?? DEFAULT_APP_ID;
  if (!store.data.apps[appId]) seedApp(store, appId);
  const app = store.data.apps[appId];
  if (!app) throw new Error(`app ${appId} could not be seeded`);
  const ctx = {
    appId,
    app,
    config: toEffectiveConfig(DEFAULT_CORE_CONFIG),
    clock: input.clock ?? systemClock,
    changed: () => store.markChanged(),
  };
  const user = createUser(ctx, DEFAULT_TENANT_ID, normaliseEmail(input.email), input.password);
  return { id: user.id };
}

/** What a test may want to know about an app without reaching into the store. */
export interface AppSummary {
  users: number;
  sessions: number;
  dynamicKeyIds: string[];
  staticKeyId: string | null;
}

export function summarizeApp(store: CoreStore, appId: string = DEFAULT_APP_ID): AppSummary | undefined {
  const app = store.data.apps[appId];
  if (!app) return undefined;
  return {
    users: Object.keys(app.users).length,
    sessions: Object.keys(app.sessions).length,
    dynamicKeyIds: app.dynamicKeys.map((key) => key.kid),
    staticKeyId: app.staticKey?.kid ?? null,
  };
}
