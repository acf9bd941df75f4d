import { spawnSync } from 'node:child_process';
import { APP_PORT, DIST_DIR, REPO_ROOT, serverEnv } from '../e2eEnv';
import { expect, test } from '../support/fixtures';

/**
 * The production server itself (`next start` on the e2e build, no launcher in front, as in a
 * container) stops at start when a setting would be unsafe, and says what to set.
 */
const cases: Array<[string, Record<string, string | undefined>, RegExp]> = [
  ['no SuperTokens core', { SUPERTOKENS_CONNECTION_URI: undefined }, /SUPERTOKENS_CONNECTION_URI is not set/],
  [
    'no way to deliver reset links',
    { SUPERTOKENS_CONNECTION_URI: 'http://127.0.0.1:9', SUPERTOKENS_EMAIL_DELIVERY: undefined },
    /SUPERTOKENS_EMAIL_DELIVERY is not set, and production never logs reset links\. Set SUPERTOKENS_EMAIL_DELIVERY=smtp/,
  ],
];

for (const [name, change, message] of cases) {
  test(`next start exits with status 1 at start when production has ${name}`, () => {
    const env: NodeJS.ProcessEnv = { ...serverEnv(), NEXT_DIST_DIR: DIST_DIR, ...change };
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete env[key];

    const args = [require.resolve('next/dist/bin/next'), 'start', '-p', String(APP_PORT + 30), '-H', '127.0.0.1'];

    const run = spawnSync(process.execPath, args, { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 30_000 });

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('[config] Refusing to start:');
  });
}
