import type { ConfigValueType } from './configValues';

export interface ConfigKey {
  type: ConfigValueType;
  /** Per-core settings the core refuses in an app's or tenant's coreConfig. */
  baseConfigOnly?: true;
}

/**
 * Every key the core (v11.4) accepts in `coreConfig`, with the type of its Java field. Keys not
 * listed get `Invalid config key: <key>`. This core uses only a few of them (config.ts); the rest
 * are checked the way the core checks them, stored, and echoed, but have no effect here.
 * Divergence: the core also accepts its storage plugin's keys (`postgresql_*`); this core has no
 * database, so they are unknown here.
 */
export const CORE_CONFIG_KEYS: ReadonlyMap<string, ConfigKey> = new Map<string, ConfigKey>([
  ['core_config_version', { type: 'int' }],
  ['access_token_validity', { type: 'long' }],
  ['access_token_blacklisting', { type: 'boolean' }],
  ['refresh_token_validity', { type: 'double' }],
  ['password_reset_token_lifetime', { type: 'long' }],
  ['email_verification_token_lifetime', { type: 'long' }],
  ['passwordless_max_code_input_attempts', { type: 'int' }],
  ['passwordless_code_lifetime', { type: 'long' }],
  ['totp_max_attempts', { type: 'int' }],
  ['totp_rate_limit_cooldown_sec', { type: 'int' }],
  ['info_log_path', { type: 'String', baseConfigOnly: true }],
  ['error_log_path', { type: 'String', baseConfigOnly: true }],
  ['access_token_signing_key_dynamic', { type: 'boolean' }],
  ['access_token_dynamic_signing_key_update_interval', { type: 'double' }],
  // The core's alias of the key above.
  ['access_token_signing_key_update_interval', { type: 'double' }],
  ['port', { type: 'int', baseConfigOnly: true }],
  ['host', { type: 'String', baseConfigOnly: true }],
  ['max_server_pool_size', { type: 'int', baseConfigOnly: true }],
  ['api_keys', { type: 'String' }],
  ['disable_telemetry', { type: 'boolean' }],
  ['password_hashing_alg', { type: 'String' }],
  ['argon2_iterations', { type: 'int', baseConfigOnly: true }],
  ['argon2_memory_kb', { type: 'int', baseConfigOnly: true }],
  ['argon2_parallelism', { type: 'int', baseConfigOnly: true }],
  ['argon2_hashing_pool_size', { type: 'int', baseConfigOnly: true }],
  ['firebase_password_hashing_pool_size', { type: 'int', baseConfigOnly: true }],
  ['bcrypt_log_rounds', { type: 'int', baseConfigOnly: true }],
  ['webserver_https_enabled', { type: 'boolean', baseConfigOnly: true }],
  ['base_path', { type: 'String', baseConfigOnly: true }],
  ['log_level', { type: 'String', baseConfigOnly: true }],
  ['firebase_password_hashing_signer_key', { type: 'String' }],
  ['ip_allow_regex', { type: 'String' }],
  ['ip_deny_regex', { type: 'String' }],
  ['oauth_provider_public_service_url', { type: 'String' }],
  ['oauth_provider_admin_service_url', { type: 'String' }],
  ['oauth_provider_consent_login_base_url', { type: 'String' }],
  ['oauth_provider_url_configured_in_oauth_provider', { type: 'String' }],
  ['oauth_client_secret_encryption_key', { type: 'String', baseConfigOnly: true }],
  ['supertokens_saas_secret', { type: 'String', baseConfigOnly: true }],
  ['supertokens_max_cdi_version', { type: 'String' }],
  ['supertokens_saas_load_only_cud', { type: 'String', baseConfigOnly: true }],
  ['saml_legacy_acs_url', { type: 'String' }],
  ['saml_sp_entity_id', { type: 'String' }],
  ['saml_claims_validity', { type: 'long' }],
  ['saml_relay_state_validity', { type: 'long' }],
  ['bulk_migration_parallelism', { type: 'int' }],
  ['bulk_migration_batch_size', { type: 'int' }],
  ['webauthn_recover_account_token_lifetime', { type: 'long' }],
  ['otel_collector_connection_uri', { type: 'String', baseConfigOnly: true }],
  ['deadlock_logger_enable', { type: 'boolean', baseConfigOnly: true }],
]);

/**
 * The core's checks on keys this core stores but does not use, in the core's order and words
 * (CoreConfig.normalizeAndValidate). Each returns a message when the value is refused.
 */
export const OTHER_KEY_CHECKS: ReadonlyArray<readonly [string, (value: number | boolean | string) => string | undefined]> = [
  ['passwordless_code_lifetime', (v) => (Number(v) <= 0 ? "'passwordless_code_lifetime' must be > 0" : undefined)],
  [
    'passwordless_max_code_input_attempts',
    (v) => (Number(v) <= 0 ? "'passwordless_max_code_input_attempts' must be > 0" : undefined),
  ],
  ['totp_max_attempts', (v) => (Number(v) <= 0 ? "'totp_max_attempts' must be > 0" : undefined)],
  ['totp_rate_limit_cooldown_sec', (v) => (Number(v) <= 0 ? "'totp_rate_limit_cooldown_sec' must be > 0" : undefined)],
  [
    'password_hashing_alg',
    (v) =>
      ['ARGON2', 'BCRYPT'].includes(String(v).toUpperCase())
        ? undefined
        : "'password_hashing_alg' must be one of 'ARGON2' or 'BCRYPT'",
  ],
  ['bulk_migration_parallelism', (v) => (Number(v) < 1 ? 'Provided bulk_migration_parallelism must be >= 1' : undefined)],
  ['bulk_migration_batch_size', (v) => (Number(v) < 1 ? 'Provided bulk_migration_batch_size must be >= 1' : undefined)],
  [
    'webauthn_recover_account_token_lifetime',
    (v) => (Number(v) <= 0 ? 'Provided webauthn_recover_account_token_lifetime must be > 0' : undefined),
  ],
];
