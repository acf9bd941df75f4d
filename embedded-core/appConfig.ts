import { CoreConfigError, parseApiKeys, validateCoreConfig, type CoreConfig } from './config';
import { CORE_CONFIG_KEYS, OTHER_KEY_CHECKS } from './configKeys';
import { ConfigTypeError, readConfigValue, type ConfigValue } from './configValues';
import type { JsonObject } from './json';

/** The keys this core acts on, and where each lands in CoreConfig. */
const USED_KEYS: ReadonlyMap<string, (config: CoreConfig, value: ConfigValue) => CoreConfig> = new Map([
  ['access_token_validity', (c, v) => ({ ...c, accessTokenValiditySeconds: Number(v) })],
  ['refresh_token_validity', (c, v) => ({ ...c, refreshTokenValidityMinutes: Number(v) })],
  ['access_token_dynamic_signing_key_update_interval', (c, v) => ({ ...c, signingKeyUpdateIntervalHours: Number(v) })],
  ['access_token_signing_key_update_interval', (c, v) => ({ ...c, signingKeyUpdateIntervalHours: Number(v) })],
  ['api_keys', (c, v) => ({ ...c, apiKeys: parseApiKeys(String(v)) })],
  ['password_reset_token_lifetime', (c, v) => ({ ...c, passwordResetTokenLifetimeMs: Number(v) })],
  ['email_verification_token_lifetime', (c, v) => ({ ...c, emailVerificationTokenLifetimeMs: Number(v) })],
]);

/**
 * Applies an app's `coreConfig` (the core's snake_case keys, as stored) over the base config,
 * checking it as the core does and in the core's order: unknown keys, then each value's type
 * (numbers may come as strings), then the values, then keys only the base config may set.
 * The stored coreConfig keeps the values as sent, so the tenant read echoes them unchanged.
 */
export function applyAppCoreConfig(base: CoreConfig, coreConfig: JsonObject): CoreConfig {
  const entries = Object.entries(coreConfig);
  for (const [key] of entries) {
    if (!CORE_CONFIG_KEYS.has(key)) throw new CoreConfigError(`Invalid config key: ${key}`);
  }
  let config = base;
  const values = new Map<string, ConfigValue>();
  for (const [key, raw] of entries) {
    const definition = CORE_CONFIG_KEYS.get(key);
    if (!definition || raw === null) continue;
    const value = readValue(key, definition.type, raw);
    values.set(key, value);
    config = USED_KEYS.get(key)?.(config, value) ?? config;
  }
  validateCoreConfig(config);
  for (const [key, check] of OTHER_KEY_CHECKS) {
    const value = values.get(key);
    const problem = value === undefined ? undefined : check(value);
    if (problem !== undefined) throw new CoreConfigError(problem);
  }
  for (const [key] of entries) {
    if (CORE_CONFIG_KEYS.get(key)?.baseConfigOnly) {
      throw new CoreConfigError(`${key} can only be set via the core's base config setting`);
    }
  }
  return config;
}

function readValue(key: string, type: Parameters<typeof readConfigValue>[1], raw: JsonObject[string]): ConfigValue {
  try {
    return readConfigValue(key, type, raw);
  } catch (error) {
    if (error instanceof ConfigTypeError) throw new CoreConfigError(error.message);
    throw error;
  }
}
