import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { assertPortsFree, startAppServer, SERVER_LOG, type AppServer } from './support/appServer';
import { assertChromiumInstalled, ChromiumMissingError } from './support/chromium';
import { secondsSince } from './support/elapsed';
import { buildEnv, DIST_DIR, PROFILES_DIR, REPO_ROOT } from './e2eEnv';
import { E2E_PHASES } from './playwright.config';
import { preparationsFor, type E2ePreparation } from './prepare';

/**
 * `npm run test:e2e [playwright args]`: checks for Chromium, builds the app for the e2e ports,
 * starts the embedded core + `next start` through the project's launcher, runs Playwright, and
 * stops the server whatever happened (failed specs, Ctrl-C, SIGTERM). Exits with Playwright's code.
 * `--build-only` stops after the builds, `--no-build` starts from the builds already made (how
 * `npm test` builds while the unit tests run).
 *
 * The server is owned here rather than by Playwright's `webServer`: Playwright skips its teardown
 * when it gets SIGTERM, which would leave the server running.
 */
let child: ChildProcess | undefined;
let server: AppServer | undefined;
let interrupted = false;

async function main(): Promise<number> {
  try {
    assertChromiumInstalled();
  } catch (error) {
    if (error instanceof ChromiumMissingError) {
      console.error(`[e2e] ${error.message}`);
      return 1;
    }
    throw error;
  }

  const args = process.argv.slice(2);
  const buildOnly = args.includes('--build-only');
  if (buildOnly && args.includes('--no-build')) {
    console.error('[e2e] --build-only and --no-build exclude each other');
    return 2;
  }
  const playwrightArgs = args.filter((arg) => arg !== '--build-only' && arg !== '--no-build');
  if (!buildOnly) await assertPortsFree();
  if (!args.includes('--no-build')) {
    const buildCode = await buildAll(preparationsFor(playwrightArgs));
    if (buildCode !== 0 || buildOnly) return buildCode;
  }

  console.log(`[e2e] starting the embedded core and next start (log: ${SERVER_LOG})`);
  server = await startAppServer();
  try {
    if (interrupted) return 130;
    return await runPlaywright(playwrightArgs);
  } finally {
    await server.stop();
    // Profiles of specs cut short (a killed worker skips its fixture teardown).
    rmSync(PROFILES_DIR, { recursive: true, force: true });
  }
}

/**
 * Playwright once per phase (E2E_PHASES), every phase whatever the one before gave, so a failure
 * never hides what the next phase would have found; exits with the first failure's code. Arguments
 * that name projects run once, as given.
 */
async function runPlaywright(playwrightArgs: string[]): Promise<number> {
  const cli = require.resolve('@playwright/test/cli');
  const cliArgs = ['test', '--config', 'e2e/playwright.config.ts', ...playwrightArgs];
  if (playwrightArgs.some((arg) => arg === '--project' || arg.startsWith('--project='))) return runChild(cli, cliArgs, process.env);
  let code = 0;
  for (const projects of E2E_PHASES) {
    // A filter (`-- 05`) may leave a phase without specs: that is not a failure.
    const phaseCode = await runChild(cli, [...cliArgs, ...projects.flatMap((project) => ['--project', project]), '--pass-with-no-tests'], process.env);
    if (interrupted) return 130;
    code ||= phaseCode;
  }
  return code;
}

/** The main app's build, then every preparation the specs need; installs go on during the first. */
async function buildAll(preparations: readonly E2ePreparation[]): Promise<number> {
  const started = Date.now();
  console.log(`[e2e] next build into ${DIST_DIR}`);
  // Installs (the network) go on while the main app builds (the processors).
  const fetching = Promise.all(preparations.map((preparation) => preparation.fetch?.()));
  fetching.catch(() => undefined); // reported where it is awaited, after the build
  const buildCode = await runChild(require.resolve('next/dist/bin/next'), ['build'], buildEnv());
  await fetching;
  if (interrupted) return 130;
  if (buildCode !== 0) {
    console.error(`[e2e] next build failed (exit ${buildCode})`);
    return buildCode;
  }
  for (const preparation of preparations) {
    console.log(`[e2e] preparing ${preparation.name} (specs ${preparation.specs.join(', ')}; ${secondsSince(started)})`);
    await preparation.build();
    if (interrupted) return 130;
  }
  console.log(`[e2e] built (${secondsSince(started)})`);
  return 0;
}

function runChild(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, [script, ...args], { cwd: REPO_ROOT, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      child = undefined;
      resolve(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1));
    });
  });
}

/**
 * Ctrl-C reaches the child through the terminal's process group; a SIGTERM, or the death of the
 * `sh -c` that `npm run` put in between (it does not pass SIGTERM on, and this process is then
 * re-parented), is turned into the SIGINT Playwright handles gracefully. Either way this process
 * waits for the child, then stops the server in `main`'s `finally`.
 */
function interrupt(): void {
  if (interrupted) return;
  interrupted = true;
  if (child) child.kill('SIGINT');
}

process.on('SIGINT', () => {
  interrupted = true;
});
process.on('SIGTERM', interrupt);
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid !== parentAtStart) interrupt();
}, 500).unref();

main().then(
  (code) => process.exit(interrupted && code === 0 ? 130 : code),
  async (error: unknown) => {
    console.error('[e2e]', error instanceof Error ? error.message : error);
    await server?.stop();
    process.exit(1);
  },
);
