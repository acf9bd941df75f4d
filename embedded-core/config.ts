import { parseJavaDouble } from './configValues';

/**
 * The core's own configuration names and units (config.yaml / docker env of supertokens-core):
 * ACCESS_TOKEN_VALIDITY in seconds, REFRESH_TOKEN_VALIDITY in minutes,
 * ACCESS_TOKEN_DYNAMIC_SIGNING_KEY_UPDATE_INTERVAL in hours, API_KEYS comma-separated,
 * PASSWORD_RESET_TOKEN_LIFETIME and EMAIL_VERIFICATION_TOKEN_LIFETIME in milliseconds.
 */
export interface CoreConfig {
  accessTokenValiditySeconds: number;
  refreshTokenValidityMinutes: number;
  signingKeyUpdateIntervalHours: number;
  apiKeys: string[] | null;
  passwordResetTokenLifetimeMs: number;
  emailVerificationTokenLifetimeMs: number;
}

export const DEFAULT_CORE_CONFIG: CoreConfig = {
  accessTokenValiditySeconds: 3600,
  refreshTokenValidityMinutes: 60 * 2400,
  signingKeyUpdateIntervalHours: 168,
  apiKeys: null,
  passwordResetTokenLifetimeMs: 3_600_000,
  emailVerificationTokenLifetimeMs: 24 * 3_600_000,
};

/** An environment as a plain map, so callers need not build a full NodeJS.ProcessEnv. */
export type EnvVars = Readonly<Record<string, string | undefined>>;

export class CoreConfigError extends Error {
  override name = 'CoreConfigError';
}

/** Millisecond values derived once, so the domain code never repeats unit conversions. */
export interface EffectiveConfig extends CoreConfig {
  accessTokenValidityMs: number;
  refreshTokenValidityMs: number;
  signingKeyUpdateIntervalMs: number;
}

export function toEffectiveConfig(config: CoreConfig): EffectiveConfig {
  return {
    ...config,
    accessTokenValidityMs: config.accessTokenValiditySeconds * 1000,
    refreshTokenValidityMs: Math.floor(config.refreshTokenValidityMinutes * 60 * 1000),
    signingKeyUpdateIntervalMs: Math.floor(config.signingKeyUpdateIntervalHours * 3600 * 1000),
  };
}

/** Checks with the core's messages (CoreConfig.validate). */
export function validateCoreConfig(config: CoreConfig): CoreConfig {
  const { accessTokenValiditySeconds: at, refreshTokenValidityMinutes: rt } = config;
  if (!Number.isInteger(at) || at < 1 || at > 86_400_000) {
    throw new CoreConfigError("'access_token_validity' must be between 1 and 86400000 seconds inclusive.");
  }
  if (!(Number.isFinite(rt) && rt * 60 > at)) {
    throw new CoreConfigError("'refresh_token_validity' must be strictly greater than 'access_token_validity'.");
  }
  // Divergence: the real core requires >= 1 hour outside its own test mode; fractions are
  // allowed here so tests can watch keys rotate.
  if (!(Number.isFinite(config.signingKeyUpdateIntervalHours) && config.signingKeyUpdateIntervalHours > 0)) {
    throw new CoreConfigError("'access_token_dynamic_signing_key_update_interval' must be greater than 0 hours.");
  }
  if (!(Number.isInteger(config.passwordResetTokenLifetimeMs) && config.passwordResetTokenLifetimeMs > 0)) {
    throw new CoreConfigError("'password_reset_token_lifetime' must be >= 0");
  }
  if (!(Number.isInteger(config.emailVerificationTokenLifetimeMs) && config.emailVerificationTokenLifetimeMs > 0)) {
    throw new CoreConfigError("'email_verification_token_lifetime' must be >= 0");
  }
  for (const key of config.apiKeys ?? []) {
    if (key.length < 20) {
      throw new CoreConfigError('One of the API keys is too short. Please use at least 20 characters');
    }
    if (!/^[=\-0-9a-zA-Z]+$/.test(key)) {
      throw new CoreConfigError(
        "Invalid characters in API key. Please only use '=', '-' and alpha-numeric (including capitals)",
      );
    }
  }
  return config;
}

/** `config` with another access token validity (seconds), checked as the core checks its config; `label` names where it came from. */
export function withAccessTokenValidity(config: CoreConfig, seconds: number, label: string): CoreConfig {
  // The real core reads it as a whole number (a long); 1.5 would be a core no real one can be.
  if (!Number.isInteger(seconds)) throw new CoreConfigError(`${label} must be a whole number of seconds, got ${seconds}.`);
  try {
    return validateCoreConfig({ ...config, accessTokenValiditySeconds: seconds });
  } catch (error) {
    throw new CoreConfigError(`${label} ${seconds}: ${(error as Error).message}`);
  }
}

/** The core strips all whitespace and splits on commas. */
export function parseApiKeys(raw: string | null | undefined): string[] | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  return raw.replace(/\s/g, '').split(',');
}

/** Read as the core's docker image reads them: Long.parseLong for whole numbers, Double.parseDouble else. */
function envNumber(env: EnvVars, name: string, fallback: number, kind: 'whole' | 'decimal' = 'whole'): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = parseJavaDouble(raw);
  if (value === undefined || !Number.isFinite(value)) throw new CoreConfigError(`${name} must be a number, got '${raw}'.`);
  if (kind === 'whole' && !/^[+-]?[0-9]+$/.test(raw.trim())) {
    throw new CoreConfigError(`${name} must be a whole number, got '${raw}'.`);
  }
  return value;
}

/** Reads the core settings from the environment (names as the real core's docker image takes them). */
export function readCoreConfigFromEnv(env: EnvVars = process.env): CoreConfig {
  const d = DEFAULT_CORE_CONFIG;
  const config: CoreConfig = {
    accessTokenValiditySeconds: envNumber(env, 'ACCESS_TOKEN_VALIDITY', d.accessTokenValiditySeconds),
    refreshTokenValidityMinutes: envNumber(env, 'REFRESH_TOKEN_VALIDITY', d.refreshTokenValidityMinutes, 'decimal'),
    signingKeyUpdateIntervalHours: envNumber(
      env,
      'ACCESS_TOKEN_DYNAMIC_SIGNING_KEY_UPDATE_INTERVAL',
      d.signingKeyUpdateIntervalHours,
      'decimal',
    ),
    apiKeys: parseApiKeys(env.API_KEYS),
    passwordResetTokenLifetimeMs: envNumber(env, 'PASSWORD_RESET_TOKEN_LIFETIME', d.passwordResetTokenLifetimeMs),
    emailVerificationTokenLifetimeMs: envNumber(
      env,
      'EMAIL_VERIFICATION_TOKEN_LIFETIME',
      d.emailVerificationTokenLifetimeMs,
    ),
  };
  try {
    return validateCoreConfig(config);
  } catch (error) {
    throw new CoreConfigError(`Invalid embedded core environment: ${(error as Error).message}`);
  }
}

/** Reads a TCP port variable; 0 asks the OS for a free port. */
export function readPort(env: EnvVars, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  // Digits only: `Number()` would also read '0x10', '1e3' and '  ' as ports.
  const port = /^\s*[0-9]+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new CoreConfigError(`${name} must be a port number between 0 and 65535, got '${raw}'.`);
  }
  return port;
}
