import { CoreConfigError, type EnvVars } from './config';

/** The opt-in that lets NODE_ENV=production run this development core (a demo, a test run). */
export const EMBEDDED_CORE_IN_PRODUCTION = 'EMBEDDED_CORE_IN_PRODUCTION';

/**
 * The core's own ways to start (its `bin` and `startCore`) refuse NODE_ENV=production, as the
 * demo's launcher does: one JSON file and one request at a time is no production core, and a
 * deployment that forgot its SUPERTOKENS_CONNECTION_URI should fail loudly, not run on this.
 */
export function assertNotProduction(env: EnvVars): void {
  const optIn = env[EMBEDDED_CORE_IN_PRODUCTION];
  if (optIn !== undefined && optIn !== '' && optIn !== 'allow') {
    throw new CoreConfigError(`${EMBEDDED_CORE_IN_PRODUCTION} must be 'allow' (or unset), got '${optIn}'.`);
  }
  if (env.NODE_ENV === 'production' && optIn !== 'allow') {
    throw new CoreConfigError(
      'NODE_ENV=production: the embedded SuperTokens core is a development and test core (one JSON file, one request ' +
        `at a time) and refuses to run in production. Use a real SuperTokens core, or set ${EMBEDDED_CORE_IN_PRODUCTION}=allow ` +
        'to run it anyway (a demo, a test run).',
    );
  }
}
