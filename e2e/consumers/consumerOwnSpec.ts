import { spawn } from 'node:child_process';
import { CHROMIUM_PATH } from '../support/chromium';
import { assertBuilt, buildEnv } from './consumerApp';
import { cellDir, type ConsumerBuild, type ConsumerCell } from './consumerCells';

export interface OwnSpecRun {
  exitCode: number | null;
  output: string;
}

/**
 * Runs the cell's own browser spec (examples/consumer/e2e, with its playwright.config.ts) as the
 * team that wrote it would: `npx playwright test` in the app's folder, on the build already made
 * for `build`'s port. Its config starts the core from the installed tarball (`npx
 * ssr-session-flow-embedded-core`) and `next start`; CI=1 so that nothing already listening is reused.
 */
export function runOwnSpec(cell: ConsumerCell, build: ConsumerBuild, timeoutMs: number): Promise<OwnSpecRun> {
  assertBuilt(cell, build);
  const env: NodeJS.ProcessEnv = {
    ...buildEnv(build),
    // Playwright's own runner, not production: NODE_ENV=production would make the core refuse to start.
    NODE_ENV: 'test',
    CI: '1',
    PORT: String(build.port),
    CORE_PORT: String(build.corePort),
    CHROMIUM_PATH,
  };
  delete env.SUPERTOKENS_CONNECTION_URI;
  return new Promise((resolve, reject) => {
    // Its own process group: the web servers Playwright starts must not outlive a timeout.
    const child = spawn('npx', ['--no-install', 'playwright', 'test', '--reporter=list'], { cwd: cellDir(cell), env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    }, timeoutMs);
    child.on('error', reject);
    // `close`, not `exit`: the output's last chunks (the summary the caller reads) arrive before it.
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, output });
    });
  });
}
