/** @jest-environment node */
import { createCoreApp, createFakeClock, type CoreApp, type FakeClock } from 'ssr-session-flow-embedded-core';
import { CORE_CONFIG_KEYS } from '../../embedded-core/configKeys';
import { callApp, tokensOf } from './support/inProcess';

let clock: FakeClock;
let core: CoreApp;

beforeEach(() => {
  clock = createFakeClock(Date.UTC(2030, 0, 1));
  core = createCoreApp({ clock });
});

const NUMERIC_APP_KEYS = [...CORE_CONFIG_KEYS].filter(
  ([, key]) => key.type !== 'String' && key.type !== 'boolean' && !key.baseConfigOnly,
);

describe('numeric core config values sent as JSON strings, as the core’s config mapper reads them', () => {
  it.each(NUMERIC_APP_KEYS.map(([name, key]) => [name, key.type]))(
    'accepts %s (%s) as a string and echoes it as sent',
    async (name, type) => {
      const value = name === 'refresh_token_validity' ? '100000' : type === 'double' ? '2.5' : '7200';

      const result = await putApp({ [name]: value });
      const tenant = await callApp(core, 'GET', '/appid-cfg/public/recipe/multitenancy/tenant/v2');

      expect(result).toMatchObject({ status: 200, body: { status: 'OK' } });
      expect(tenant.body).toMatchObject({ coreConfig: { [name]: value } });
    },
  );

  it('applies a string access_token_validity: tokens live that many seconds', async () => {
    await putApp({ access_token_validity: '2' });

    const created = await callApp(core, 'POST', '/appid-cfg/public/recipe/session', newSession());
    const accessToken = (created.body as { accessToken: { expiry: number; createdTime: number } }).accessToken;

    expect(accessToken.expiry - accessToken.createdTime).toBe(2000);
  });

  it('applies a string key rotation interval of 0.001 hours: a new key after 3.6 seconds', async () => {
    await putApp({ access_token_dynamic_signing_key_update_interval: '0.001', access_token_validity: '1' });
    const first = kidOf(tokensOf(await callApp(core, 'POST', '/appid-cfg/public/recipe/session', newSession())).accessToken);

    clock.advance(3_600);
    const second = kidOf(tokensOf(await callApp(core, 'POST', '/appid-cfg/public/recipe/session', newSession())).accessToken);

    expect(second).not.toBe(first);
  });

  it.each([
    ['a decimal JSON number for a long', { access_token_validity: 3600.5 }, "'access_token_validity' must be of type long"],
    ['a decimal string for a long', { access_token_validity: '3600.5' }, "'access_token_validity' must be of type long"],
    ['an exponent string for a long', { password_reset_token_lifetime: '1e3' }, "'password_reset_token_lifetime' must be of type long"],
    ['a string with spaces for a long', { access_token_validity: ' 3600' }, "'access_token_validity' must be of type long"],
    ['a string beyond the long range', { access_token_validity: '9223372036854775808' }, "'access_token_validity' must be of type long"],
    ['a string beyond the int range', { totp_max_attempts: '2147483648' }, "'totp_max_attempts' must be of type int"],
    ['a boolean for a long', { access_token_validity: true }, "'access_token_validity' must be of type long"],
    ['a word for a double', { refresh_token_validity: 'soon' }, "'refresh_token_validity' must be of type double"],
    ['a word for a boolean', { disable_telemetry: 'yes' }, "'disable_telemetry' must be of type boolean"],
    ['a key the core does not have', { access_token_lifetime: 5 }, 'Invalid config key: access_token_lifetime'],
    ['a per-core key', { port: '3567' }, "port can only be set via the core's base config setting"],
    ['a zero passwordless code lifetime', { passwordless_code_lifetime: '0' }, "'passwordless_code_lifetime' must be > 0"],
    ['an unknown hashing algorithm', { password_hashing_alg: 'md5' }, "'password_hashing_alg' must be one of 'ARGON2' or 'BCRYPT'"],
    [
      'a refresh validity below the access validity',
      { access_token_validity: '7200', refresh_token_validity: '60' },
      "'refresh_token_validity' must be strictly greater than 'access_token_validity'.",
    ],
  ])('keeps refusing %s', async (_case, coreConfig, message) => {
    const result = await putApp(coreConfig);

    expect(result).toMatchObject({ status: 400, body: `Invalid core config: ${message}\n` });
  });

  it.each([
    ['spaces around a double', ' 0.5 '],
    ['an exponent', '5e-1'],
    ['a Java d suffix', '0.5d'],
    ['a hex float', '0x1p-1'],
  ])('accepts %s for a double, as Java’s Double.parseDouble does', async (_case, value) => {
    await putApp({ access_token_dynamic_signing_key_update_interval: value });
    const first = kidOf(tokensOf(await callApp(core, 'POST', '/appid-cfg/public/recipe/session', newSession())).accessToken);

    clock.advance(30 * 60_000 + 1);
    const second = kidOf(tokensOf(await callApp(core, 'POST', '/appid-cfg/public/recipe/session', newSession())).accessToken);

    expect(second).not.toBe(first);
  });

  it('accepts booleans as strings in any case', async () => {
    await expect(putApp({ disable_telemetry: 'TRUE' })).resolves.toMatchObject({ status: 200 });
  });
});

function putApp(coreConfig: Record<string, unknown>) {
  return callApp(core, 'PUT', '/recipe/multitenancy/app/v2', { appId: 'cfg', coreConfig });
}

function newSession() {
  return { userId: 'u1', enableAntiCsrf: false, userDataInJWT: {}, userDataInDatabase: {} };
}

function kidOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as { kid: string }).kid;
}
