import { parseCoreCommandLine } from './commandLine';
import { CoreConfigError } from './config';
import { PortInUseError, startEmbeddedCore } from './server';
import { DataFileError } from './store/fileStore';

/**
 * The core's `bin` (`npx ssr-session-flow-embedded-core --port 3567`; in this repository
 * `npm run core -- --port 3567`): the embedded core on its own, configured by flags and by the real
 * core's docker image variables (ACCESS_TOKEN_VALIDITY, REFRESH_TOKEN_VALIDITY, API_KEYS, …, PORT)
 * plus EMBEDDED_CORE_DATA_FILE. `--help` lists them.
 */
async function main(): Promise<void> {
  const command = parseCoreCommandLine(process.argv.slice(2), process.env);
  if (command.kind === 'help') {
    console.info(command.text);
    return;
  }
  const core = await startEmbeddedCore({ port: command.port, config: command.config, dataFile: command.dataFile });
  console.info(`Embedded SuperTokens core listening on ${core.url} (data: ${command.dataFile ?? 'memory only'})`);
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
