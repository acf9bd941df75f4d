import { CoreConfigError, readCoreConfigFromEnv, readPort, withAccessTokenValidity, type CoreConfig, type EnvVars } from './config';
import { assertNotProduction } from './productionGuard';

export const DEFAULT_DATA_FILE = '.data/embedded-core.json';

export type CoreCommand =
  | { kind: 'help'; text: string }
  | { kind: 'start'; port: number; dataFile: string | undefined; config: CoreConfig };

export const USAGE = `Usage: ssr-session-flow-embedded-core [options]

A development and test SuperTokens core on 127.0.0.1 (never for production).

Options:
  --port <n>                      port on 127.0.0.1; 0 picks a free one (default: $PORT or 3567)
  --data-file <path>              keep users, sessions and keys in this JSON file
                                  (default: $EMBEDDED_CORE_DATA_FILE or ${DEFAULT_DATA_FILE})
  --memory                        keep everything in memory, nothing on disk
  --access-token-validity <s>     seconds an access token lives (default: $ACCESS_TOKEN_VALIDITY or 3600)
  --help                          this text

The core's other settings come from the environment, as its docker image reads them:
REFRESH_TOKEN_VALIDITY, ACCESS_TOKEN_DYNAMIC_SIGNING_KEY_UPDATE_INTERVAL, API_KEYS,
PASSWORD_RESET_TOKEN_LIFETIME, EMAIL_VERIFICATION_TOKEN_LIFETIME.
With NODE_ENV=production it refuses to start unless EMBEDDED_CORE_IN_PRODUCTION=allow.`;

const VALUE_FLAGS = ['--port', '--data-file', '--access-token-validity'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

/**
 * The command line and the environment → what the core's `bin` does. Flags win over the
 * environment variables of the same setting; anything it cannot read stops it with a
 * CoreConfigError that names the flag or variable.
 */
export function parseCoreCommandLine(argv: readonly string[], env: EnvVars): CoreCommand {
  const values = new Map<ValueFlag, string>();
  let memory = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help', text: USAGE };
    if (arg === '--memory') {
      memory = true;
      continue;
    }
    const [name, inlineValue] = splitFlag(arg);
    if (!isValueFlag(name)) throw usageError(`Unknown argument '${arg}'.`);
    const value = inlineValue ?? argv[(index += 1)];
    // `--port=` and `--data-file=` too: an empty value would quietly mean the default, or memory.
    if (value === undefined || value === '' || value.startsWith('--')) throw usageError(`${name} needs a value.`);
    values.set(name, value);
  }
  if (memory && values.has('--data-file')) throw usageError('--memory and --data-file exclude each other.');

  assertNotProduction(env);
  const portFlag = values.get('--port');
  const port = portFlag === undefined ? readPort(env, 'PORT', 3567) : readPort({ '--port': portFlag }, '--port', 3567);
  const dataFile = memory ? '' : (values.get('--data-file') ?? env.EMBEDDED_CORE_DATA_FILE ?? DEFAULT_DATA_FILE);
  return { kind: 'start', port, dataFile: dataFile === '' ? undefined : dataFile, config: configFrom(env, values.get('--access-token-validity')) };
}

function configFrom(env: EnvVars, accessTokenValidity: string | undefined): CoreConfig {
  const config = readCoreConfigFromEnv(env);
  if (accessTokenValidity === undefined) return config;
  if (!/^[0-9]+$/.test(accessTokenValidity)) {
    throw usageError(`--access-token-validity must be a whole number of seconds, got '${accessTokenValidity}'.`);
  }
  return withAccessTokenValidity(config, Number(accessTokenValidity), '--access-token-validity');
}

function splitFlag(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return equals === -1 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
}

function isValueFlag(name: string): name is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(name);
}

function usageError(message: string): CoreConfigError {
  return new CoreConfigError(`${message} Run with --help for the options.`);
}
