import { CoreConfigError, readCoreConfigFromEnv, readPort } from './config';
import { PortInUseError, startEmbeddedCore } from './server';
import { DataFileError } from './store/fileStore';

/**
 * `npm run core`: the embedded core on its own, configured like the real core's docker image
 * (ACCESS_TOKEN_VALIDITY, REFRESH_TOKEN_VALIDITY, API_KEYS, …, PORT) plus
 * EMBEDDED_CORE_DATA_FILE (default .data/embedded-core.json; set it empty for memory only).
 */
async function main(): Promise<void> {
  const env = process.env;
  const dataFile = env.EMBEDDED_CORE_DATA_FILE ?? '.data/embedded-core.json';
  const core = await startEmbeddedCore({
    port: readPort(env, 'PORT', 3567),
    config: readCoreConfigFromEnv(env),
    dataFile: dataFile === '' ? undefined : dataFile,
  });
  console.log(`Embedded SuperTokens core listening on ${core.url} (data: ${dataFile || 'memory only'})`);
  const stop = () => {
    core.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const known = error instanceof CoreConfigError || error instanceof PortInUseError || error instanceof DataFileError;
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
