import { spawn, type ChildProcess } from 'node:child_process';
import {
  CoreConfigError,
  DataFileError,
  DEFAULT_DATA_FILE,
  EMBEDDED_CORE_IN_PRODUCTION,
  PortInUseError,
  readCoreConfigFromEnv,
  readPort,
  startEmbeddedCore,
  type CoreConfig,
  type EnvVars,
  type EmbeddedCore,
} from 'ssr-session-flow-embedded-core';
import { assertServerEnv, isProduction, ServerConfigError, type Env } from '../config/env';

export const DEFAULT_EMBEDDED_CORE_PORT = 3567;

export type LaunchPlan =
  | { kind: 'external-core'; connectionURI: string }
  | { kind: 'embedded-core'; port: number; dataFile: string | undefined; config: CoreConfig };

export { DEFAULT_DATA_FILE, EMBEDDED_CORE_IN_PRODUCTION };

/**
 * A real core (SUPERTOKENS_CONNECTION_URI, with SUPERTOKENS_API_KEY if it needs one) turns the
 * embedded core off; otherwise it runs on EMBEDDED_CORE_PORT (3567) with its data in
 * EMBEDDED_CORE_DATA_FILE (.data/embedded-core.json; empty for memory only) and the core's own
 * settings (ACCESS_TOKEN_VALIDITY, REFRESH_TOKEN_VALIDITY, API_KEYS, …) from the environment.
 * NODE_ENV=production refuses the embedded core unless EMBEDDED_CORE_IN_PRODUCTION=allow.
 *
 * The app's own settings are checked here too, as the server will check them (`next start` is
 * always production), so a refused setting stops the launch before anything starts.
 */
export function planLaunch(env: EnvVars, command: 'dev' | 'start' = 'dev'): LaunchPlan {
  const plan = planCore(env);
  const connectionURI = plan.kind === 'external-core' ? plan.connectionURI : `http://127.0.0.1:${plan.port}`;
  const appEnv: Env = { ...env, SUPERTOKENS_CONNECTION_URI: connectionURI };
  assertServerEnv(command === 'start' ? { ...appEnv, NODE_ENV: 'production' } : appEnv);
  return plan;
}

function planCore(env: EnvVars): LaunchPlan {
  const external = env.SUPERTOKENS_CONNECTION_URI?.trim();
  if (external) return { kind: 'external-core', connectionURI: external };
  const optIn = env[EMBEDDED_CORE_IN_PRODUCTION];
  if (optIn !== undefined && optIn !== '' && optIn !== 'allow') {
    throw new ServerConfigError(`${EMBEDDED_CORE_IN_PRODUCTION} must be 'allow' (or unset), got '${optIn}'.`);
  }
  if (isProduction(env) && optIn !== 'allow') {
    throw new ServerConfigError(
      'NODE_ENV=production and SUPERTOKENS_CONNECTION_URI is not set, so this would run the embedded development ' +
        'core (one JSON file, one request at a time). Set SUPERTOKENS_CONNECTION_URI to your SuperTokens core ' +
        `(and SUPERTOKENS_API_KEY), or set ${EMBEDDED_CORE_IN_PRODUCTION}=allow to run the embedded core anyway ` +
        '(a demo, a test run).',
    );
  }
  const dataFile = env.EMBEDDED_CORE_DATA_FILE ?? DEFAULT_DATA_FILE;
  return {
    kind: 'embedded-core',
    port: readPort(env, 'EMBEDDED_CORE_PORT', DEFAULT_EMBEDDED_CORE_PORT),
    dataFile: dataFile === '' ? undefined : dataFile,
    config: readCoreConfigFromEnv(env),
  };
}

/** Polls GET /hello, the core's readiness probe. */
export async function waitForHello(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${url}/hello`);
      if (response.ok && (await response.text()).trim() === 'Hello') return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`The SuperTokens core at ${url} did not answer /hello within ${timeoutMs} ms.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * `npm run dev` / `npm start`: start the embedded core unless a real one is configured, wait
 * for it, then run `next <command>` with SUPERTOKENS_CONNECTION_URI pointing at it. Signals go to
 * Next; when Next exits the core stops, when this process dies Next is killed; the exit code is Next's.
 */
export async function launchWithCore(nextCommand: 'dev' | 'start', args: string[]): Promise<void> {
  let core: EmbeddedCore | undefined;
  const env = { ...process.env };
  try {
    const plan = planLaunch(process.env, nextCommand);
    if (plan.kind === 'embedded-core') {
      if (isProduction(process.env)) {
        console.warn(`[launcher] ${EMBEDDED_CORE_IN_PRODUCTION}=allow: running the embedded development core in production`);
      }
      core = await startEmbeddedCore({ port: plan.port, dataFile: plan.dataFile, config: plan.config });
      await waitForHello(core.url);
      env.SUPERTOKENS_CONNECTION_URI = core.url;
      console.log(`[launcher] embedded SuperTokens core on ${core.url} (data: ${plan.dataFile ?? 'memory only'})`);
    } else {
      await waitForHello(plan.connectionURI.split(';')[0] ?? plan.connectionURI);
      console.log(`[launcher] using the SuperTokens core at ${plan.connectionURI}`);
    }
  } catch (error) {
    await core?.close();
    exitWithLaunchError(error);
  }
  const next = spawn(process.execPath, [require.resolve('next/dist/bin/next'), nextCommand, ...args], {
    stdio: 'inherit',
    env,
  });
  forwardSignals(next);
  process.on('exit', () => next.kill('SIGTERM'));
  next.on('exit', (code, signal) => {
    const exitCode = code ?? (signal ? 128 + signalNumber(signal) : 1);
    const stopCore = core ? core.close() : Promise.resolve();
    stopCore.finally(() => process.exit(exitCode));
  });
}

function forwardSignals(child: ChildProcess): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
}

function signalNumber(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1;
}

function exitWithLaunchError(error: unknown): never {
  if (error instanceof PortInUseError) {
    console.error(
      `[launcher] ${error.message}\n` +
        '  Another core (or another `npm run dev`) may be running. Stop it, set EMBEDDED_CORE_PORT to a free port,\n' +
        '  or set SUPERTOKENS_CONNECTION_URI to use a core that is already running.',
    );
  } else if (error instanceof ServerConfigError) {
    console.error(`[launcher] Refusing to start: ${error.message}`);
  } else if (error instanceof CoreConfigError || error instanceof DataFileError) {
    console.error(`[launcher] ${error.message}`);
  } else {
    console.error('[launcher]', error);
  }
  process.exit(1);
}
