/** @jest-environment node */
import { CoreConfigError, DEFAULT_CORE_CONFIG, readCoreConfigFromEnv, readPort } from 'ssr-session-flow-embedded-core';

describe('configuration from the core’s own environment names', () => {
  it('uses the core’s defaults when nothing is set', () => {
    expect(readCoreConfigFromEnv({})).toEqual(DEFAULT_CORE_CONFIG);
  });

  it('reads lifetimes in the core’s units and API keys without whitespace', () => {
    const config = readCoreConfigFromEnv({
      ACCESS_TOKEN_VALIDITY: '2',
      REFRESH_TOKEN_VALIDITY: '5',
      ACCESS_TOKEN_DYNAMIC_SIGNING_KEY_UPDATE_INTERVAL: '0.5',
      API_KEYS: ' first-key-0123456789abc , second-key-0123456789ab',
    });

    expect(config).toMatchObject({
      accessTokenValiditySeconds: 2,
      refreshTokenValidityMinutes: 5,
      signingKeyUpdateIntervalHours: 0.5,
      apiKeys: ['first-key-0123456789abc', 'second-key-0123456789ab'],
    });
  });

  it.each([
    [{ ACCESS_TOKEN_VALIDITY: 'soon' }, /ACCESS_TOKEN_VALIDITY must be a number, got 'soon'/],
    [{ ACCESS_TOKEN_VALIDITY: '0' }, /'access_token_validity' must be between 1 and 86400000/],
    [{ ACCESS_TOKEN_VALIDITY: '2.5' }, /ACCESS_TOKEN_VALIDITY must be a whole number, got '2.5'/],
    [{ EMAIL_VERIFICATION_TOKEN_LIFETIME: '-1' }, /'email_verification_token_lifetime' must be >= 0/],
    [{ ACCESS_TOKEN_VALIDITY: '7200', REFRESH_TOKEN_VALIDITY: '60' }, /'refresh_token_validity' must be strictly greater/],
    [{ API_KEYS: 'short' }, /at least 20 characters/],
    [{ API_KEYS: 'has_an_underscore_0123456789' }, /Invalid characters in API key/],
  ])('rejects %j with a clear message', (env, message) => {
    expect(() => readCoreConfigFromEnv(env)).toThrow(CoreConfigError);
    expect(() => readCoreConfigFromEnv(env)).toThrow(message);
  });

  it('reads decimals as the core’s docker image does (Double.parseDouble: spaces, a d suffix)', () => {
    const config = readCoreConfigFromEnv({ REFRESH_TOKEN_VALIDITY: ' 90.5 ', ACCESS_TOKEN_DYNAMIC_SIGNING_KEY_UPDATE_INTERVAL: '0.5d' });

    expect(config).toMatchObject({ refreshTokenValidityMinutes: 90.5, signingKeyUpdateIntervalHours: 0.5 });
  });

  it('reads a port, with 0 meaning any free port, and rejects anything else', () => {
    expect(readPort({}, 'PORT', 3567)).toBe(3567);
    expect(readPort({ PORT: '0' }, 'PORT', 3567)).toBe(0);
    expect(() => readPort({ PORT: '70000' }, 'PORT', 3567)).toThrow(/PORT must be a port number/);
    for (const raw of ['0x10', '1e3', '8080.0', '-1']) expect(() => readPort({ PORT: raw }, 'PORT', 3567)).toThrow(/PORT must be a port number/);
  });
});
