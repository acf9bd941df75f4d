import { readCoreConfigFromEnv, withAccessTokenValidity, type EnvVars } from './config';
import { assertNotProduction } from './productionGuard';
import { startEmbeddedCore } from './server';

export interface StartCoreOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. Default 3567, the real core's. */
  port?: number;
  /**
   * Seconds an access token lives (the core's `access_token_validity`). Without it,
   * `ACCESS_TOKEN_VALIDITY` from `env`, else 3600. Tests that wait for expiry use a few.
   */
  accessTokenValidity?: number;
  /** Keep users, sessions and keys in this JSON file; memory only when absent. */
  dataFile?: string;
  /**
   * The environment read for the core's other settings (REFRESH_TOKEN_VALIDITY, API_KEYS, …) and
   * for the production refusal. Default `process.env`.
   */
  env?: EnvVars;
}

export interface StartedCore {
  /** e.g. `http://127.0.0.1:3567`: the app's SUPERTOKENS_CONNECTION_URI. */
  url: string;
  port: number;
  /** Closes the port and writes the data file, if any, one last time. */
  stop(): Promise<void>;
}

/**
 * The embedded core for a test run, in one call: `const core = await startCore({ port: 0,
 * accessTokenValidity: 3 })`, then `core.url`, then `await core.stop()`. Refuses NODE_ENV=production
 * unless EMBEDDED_CORE_IN_PRODUCTION=allow. `startEmbeddedCore` is the same core with every knob.
 */
export async function startCore(options: StartCoreOptions = {}): Promise<StartedCore> {
  const env = options.env ?? process.env;
  assertNotProduction(env);
  const core = await startEmbeddedCore({
    port: options.port ?? 3567,
    dataFile: options.dataFile,
    config:
      options.accessTokenValidity === undefined
        ? readCoreConfigFromEnv(env)
        : withAccessTokenValidity(readCoreConfigFromEnv(env), options.accessTokenValidity, 'accessTokenValidity'),
  });
  return { url: core.url, port: core.port, stop: () => core.close() };
}
