import { createMemoryStore, readCoreConfigFromEnv, startEmbeddedCore, type EmbeddedCore } from 'ssr-session-flow-embedded-core';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { ACCESS_TOKEN_LIFETIME_SECONDS, APP_ORIGIN, APP_PORT, CORE_PORT, serverEnv } from '../e2eEnv';

/** The core the soak can stop and start again: its store (users, sessions, keys) outlives it, as a database outlives a real core. */
export interface RestartableCore {
  readonly url: string;
  isUp(): boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface SoakServer {
  core: RestartableCore;
  stop(): Promise<void>;
}

/**
 * The e2e build served by `next start` through the project's launcher, pointed at a core this
 * process owns (the launcher's "real core" path, `SUPERTOKENS_CONNECTION_URI`), so a schedule can
 * take the core down and bring it back while the app keeps running.
 */
export async function startSoakServer(): Promise<SoakServer> {
  const core = await restartableCore();
  let app: ServerProcess | undefined;
  try {
    app = await startServerProcess(
      'soak-server',
      ['--import', 'tsx', 'scripts/start.ts', '--port', String(APP_PORT)],
      { ...serverEnv(), SUPERTOKENS_CONNECTION_URI: core.url },
      `${APP_ORIGIN}/about`,
    );
  } catch (error) {
    await core.stop();
    throw error;
  }
  const started = app;
  return {
    core,
    stop: async () => {
      await started.stop();
      await core.stop();
    },
  };
}

async function restartableCore(): Promise<RestartableCore> {
  const store = createMemoryStore();
  const config = readCoreConfigFromEnv({ ACCESS_TOKEN_VALIDITY: String(ACCESS_TOKEN_LIFETIME_SECONDS) });
  const start = () => startEmbeddedCore({ port: CORE_PORT, store, config });
  let running: EmbeddedCore | undefined = await start();
  let transition: Promise<void> = Promise.resolve();
  const url = running.url;
  return {
    url,
    isUp: () => running !== undefined,
    // Serialised: a restart drawn while the last one is still under way waits for it.
    // A failed transition does not block the next one (its own caller got the error).
    stop: () =>
      (transition = transition.catch(() => undefined).then(async () => {
        const core = running;
        running = undefined;
        await core?.close();
      })),
    start: () =>
      (transition = transition.catch(() => undefined).then(async () => {
        running ??= await start();
      })),
  };
}
