/** @jest-environment node */
import { DEFAULT_CORE_CONFIG, type EmbeddedCore } from 'ssr-session-flow-embedded-core';
import { planLaunch, waitForHello } from '../../scripts/launchWithCore';
import { startTestCore } from './support/coreFixture';

describe('launcher plan for npm run dev / npm start', () => {
  it('starts the embedded core on 3567 with the default data file when no core URL is set', () => {
    expect(planLaunch({})).toEqual({
      kind: 'embedded-core',
      port: 3567,
      dataFile: '.data/embedded-core.json',
      config: DEFAULT_CORE_CONFIG,
    });
  });

  it('passes the core settings and port override through, and keeps data in memory when the file is empty', () => {
    const plan = planLaunch({ EMBEDDED_CORE_PORT: '4567', EMBEDDED_CORE_DATA_FILE: '', ACCESS_TOKEN_VALIDITY: '5' });

    expect(plan).toMatchObject({ kind: 'embedded-core', port: 4567, dataFile: undefined, config: { accessTokenValiditySeconds: 5 } });
  });

  it('leaves the embedded core off when a real core URL is configured', () => {
    const plan = planLaunch({ SUPERTOKENS_CONNECTION_URI: 'https://core.example.com', SUPERTOKENS_API_KEY: 'k' });

    expect(plan).toEqual({ kind: 'external-core', connectionURI: 'https://core.example.com' });
  });
});

describe('readiness probe', () => {
  let core: EmbeddedCore;

  beforeAll(async () => {
    core = await startTestCore();
  });

  afterAll(() => core.close());

  it('resolves once /hello answers Hello', async () => {
    await expect(waitForHello(core.url, 2_000)).resolves.toBeUndefined();
  });

  it('gives up with a message naming the URL when nothing answers', async () => {
    await expect(waitForHello('http://127.0.0.1:9', 300)).rejects.toThrow('http://127.0.0.1:9 did not answer /hello');
  });
});
