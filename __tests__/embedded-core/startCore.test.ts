/** @jest-environment node */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CoreConfigError, startCore, type StartedCore } from 'ssr-session-flow-embedded-core';

const CDI = { 'cdi-version': '5.4', 'content-type': 'application/json' };

describe('startCore, the one-call start for test runs', () => {
  let core: StartedCore | undefined;
  let folder: string | undefined;

  afterEach(async () => {
    await core?.stop();
    core = undefined;
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  });

  it('starts a core on a free port of 127.0.0.1 that answers /hello, and stops it', async () => {
    core = await startCore({ port: 0, env: {} });

    expect(core.url).toBe(`http://127.0.0.1:${core.port}`);
    expect(await (await fetch(`${core.url}/hello`)).text()).toBe('Hello\n');
    await core.stop();
    await expect(fetch(`${core.url}/hello`)).rejects.toThrow();
    core = undefined;
  });

  it('issues access tokens that live accessTokenValidity seconds', async () => {
    core = await startCore({ port: 0, accessTokenValidity: 2, env: {} });

    const session = await createSession(core.url);

    expect(session.accessToken.expiry - session.accessToken.createdTime).toBe(2000);
  });

  it('keeps its data in dataFile, written when it stops', async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'start-core-'));
    const dataFile = path.join(folder, 'core.json');
    core = await startCore({ port: 0, dataFile, env: {} });
    await createSession(core.url);

    await core.stop();
    core = undefined;

    expect(readFileSync(dataFile, 'utf8')).toContain('"sessions"');
  });

  it('refuses NODE_ENV=production unless EMBEDDED_CORE_IN_PRODUCTION=allow asks for it', async () => {
    await expect(startCore({ port: 0, env: { NODE_ENV: 'production' } })).rejects.toThrow(/refuses to run in production/);

    core = await startCore({ port: 0, env: { NODE_ENV: 'production', EMBEDDED_CORE_IN_PRODUCTION: 'allow' } });
    expect(core.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses an accessTokenValidity the core would refuse, naming the option', async () => {
    await expect(startCore({ port: 0, accessTokenValidity: 0.5, env: {} })).rejects.toThrow(CoreConfigError);
    await expect(startCore({ port: 0, accessTokenValidity: 0, env: {} })).rejects.toThrow(/^accessTokenValidity 0: 'access_token_validity' must be between/);
    await expect(startCore({ port: 0, accessTokenValidity: 1.5, env: {} })).rejects.toThrow(/^accessTokenValidity must be a whole number of seconds, got 1\.5/);
  });
});

async function createSession(url: string): Promise<{ accessToken: { expiry: number; createdTime: number } }> {
  const response = await fetch(`${url}/recipe/session`, {
    method: 'POST',
    headers: CDI,
    body: JSON.stringify({ userId: 'user-1', userDataInJWT: {}, userDataInDatabase: {}, enableAntiCsrf: false, useDynamicSigningKey: true }),
  });
  return (await response.json()) as { accessToken: { expiry: number; createdTime: number } };
}
