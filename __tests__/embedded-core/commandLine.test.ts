/** @jest-environment node */
import { CoreConfigError, DEFAULT_CORE_CONFIG, parseCoreCommandLine, USAGE } from 'ssr-session-flow-embedded-core';

describe('the core’s command line', () => {
  it('starts on 3567 with the default data file and the core’s defaults when given nothing', () => {
    expect(parseCoreCommandLine([], {})).toEqual({ kind: 'start', port: 3567, dataFile: '.data/embedded-core.json', config: DEFAULT_CORE_CONFIG });
  });

  it('reads --port, --data-file and --access-token-validity, spaced or with =', () => {
    const spaced = parseCoreCommandLine(['--port', '4701', '--data-file', 'tmp/core.json', '--access-token-validity', '3'], {});
    const joined = parseCoreCommandLine(['--port=4701', '--data-file=tmp/core.json', '--access-token-validity=3'], {});

    expect(spaced).toEqual({ kind: 'start', port: 4701, dataFile: 'tmp/core.json', config: { ...DEFAULT_CORE_CONFIG, accessTokenValiditySeconds: 3 } });
    expect(joined).toEqual(spaced);
  });

  it('keeps everything in memory with --memory, whatever EMBEDDED_CORE_DATA_FILE says', () => {
    expect(parseCoreCommandLine(['--memory'], { EMBEDDED_CORE_DATA_FILE: 'kept.json' })).toMatchObject({ kind: 'start', dataFile: undefined });
  });

  it('lets flags win over the environment, and reads the environment where no flag is given', () => {
    const env = { PORT: '4702', ACCESS_TOKEN_VALIDITY: '60', EMBEDDED_CORE_DATA_FILE: '', REFRESH_TOKEN_VALIDITY: '5' };

    expect(parseCoreCommandLine(['--port', '4703'], env)).toMatchObject({
      port: 4703,
      dataFile: undefined,
      config: { accessTokenValiditySeconds: 60, refreshTokenValidityMinutes: 5 },
    });
    expect(parseCoreCommandLine(['--access-token-validity', '2'], env)).toMatchObject({ port: 4702, config: { accessTokenValiditySeconds: 2 } });
  });

  it('answers --help with the usage, even in production', () => {
    expect(parseCoreCommandLine(['--port', '1', '--help'], { NODE_ENV: 'production' })).toEqual({ kind: 'help', text: USAGE });
    expect(USAGE).toContain('--access-token-validity <s>');
  });

  it.each([
    [['--bogus'], /Unknown argument '--bogus'\. Run with --help/],
    [['--port'], /--port needs a value/],
    [['--port', '--memory'], /--port needs a value/],
    [['--port', 'http'], /--port must be a port number between 0 and 65535, got 'http'/],
    [['--port', '70000'], /--port must be a port number/],
    [['--port', '0x10'], /--port must be a port number between 0 and 65535, got '0x10'/],
    [['--port='], /--port needs a value/],
    [['--data-file='], /--data-file needs a value/],
    [['--access-token-validity='], /--access-token-validity needs a value/],
    [['--memory', '--data-file', 'x.json'], /--memory and --data-file exclude each other/],
    [['--access-token-validity', 'soon'], /--access-token-validity must be a whole number of seconds, got 'soon'/],
    [['--access-token-validity', '0'], /--access-token-validity 0: 'access_token_validity' must be between 1 and 86400000/],
  ])('refuses %j, naming the flag', (argv, message) => {
    expect(() => parseCoreCommandLine(argv, {})).toThrow(CoreConfigError);
    expect(() => parseCoreCommandLine(argv, {})).toThrow(message);
  });

  it('refuses an access token that would outlive the refresh token set in the environment', () => {
    expect(() => parseCoreCommandLine(['--access-token-validity', '600'], { REFRESH_TOKEN_VALIDITY: '5' })).toThrow(
      /'refresh_token_validity' must be strictly greater than 'access_token_validity'/,
    );
  });

  it('refuses NODE_ENV=production unless EMBEDDED_CORE_IN_PRODUCTION=allow asks for it', () => {
    expect(() => parseCoreCommandLine([], { NODE_ENV: 'production' })).toThrow(/refuses to run in production.*EMBEDDED_CORE_IN_PRODUCTION=allow/);
    expect(() => parseCoreCommandLine([], { NODE_ENV: 'production', EMBEDDED_CORE_IN_PRODUCTION: 'yes' })).toThrow(
      /EMBEDDED_CORE_IN_PRODUCTION must be 'allow' \(or unset\), got 'yes'/,
    );
    expect(parseCoreCommandLine(['--memory'], { NODE_ENV: 'production', EMBEDDED_CORE_IN_PRODUCTION: 'allow' })).toMatchObject({ kind: 'start' });
  });
});
