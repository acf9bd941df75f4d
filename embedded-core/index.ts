/**
 * The embedded SuperTokens-compatible core: a development and test stand-in for a real
 * SuperTokens core, speaking the part of CDI 5.4 that supertokens-node 24 uses. See README.md.
 * Published as `ssr-session-flow-embedded-core`; this repository imports it by that name too.
 */
export { startCore } from './startCore';
export type { StartCoreOptions, StartedCore } from './startCore';
export { startEmbeddedCore, PortInUseError, DEFAULT_MAX_BODY_BYTES } from './server';
export type { EmbeddedCore, StartEmbeddedCoreOptions } from './server';
export { createCoreApp } from './app';
export type { CoreApp, CoreAppOptions, CoreRequestEvent } from './app';
export type { CoreRequest, CoreResponse } from './http';
export { systemClock, createFakeClock } from './clock';
export type { Clock, FakeClock } from './clock';
export {
  DEFAULT_CORE_CONFIG,
  CoreConfigError,
  readCoreConfigFromEnv,
  readPort,
} from './config';
export type { CoreConfig, EnvVars } from './config';
export { parseCoreCommandLine, USAGE, DEFAULT_DATA_FILE } from './commandLine';
export type { CoreCommand } from './commandLine';
export { assertNotProduction, EMBEDDED_CORE_IN_PRODUCTION } from './productionGuard';
export { createMemoryStore } from './store/coreStore';
export type { CoreStore } from './store/coreStore';
export { openFileStore, DataFileError } from './store/fileStore';
export { seedApp, seedEmailPasswordUser, snapshotStore, summarizeApp } from './seed';
export type { SeedUserInput, AppSummary } from './seed';
export { SUPPORTED_CDI_VERSIONS } from './cdiVersions';
export { DEFAULT_SCRYPT_PARAMS, STORED_SCRYPT_BOUNDS } from './tokens/passwords';
export type { ScryptParams, PasswordHashingOptions } from './tokens/passwords';
export type { JsonObject, JsonValue } from './json';
