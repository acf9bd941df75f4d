/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { readCoreEnv, readEmailDelivery, ServerConfigError } from '../../config/env';
import { planLaunch } from '../../scripts/launchWithCore';

const REPO = path.resolve(__dirname, '../..');

describe('npm start in production without a real core', () => {
  it('refuses to run the embedded development core, naming the variable and the opt-in', () => {
    const launch = () => planLaunch({ NODE_ENV: 'production', SUPERTOKENS_EMAIL_DELIVERY: 'smtp' }, 'start');

    expect(launch).toThrow(ServerConfigError);
    expect(launch).toThrow(/SUPERTOKENS_CONNECTION_URI is not set.*EMBEDDED_CORE_IN_PRODUCTION=allow/);
  });

  it('runs the embedded core when EMBEDDED_CORE_IN_PRODUCTION=allow asks for it', () => {
    const plan = planLaunch(
      { NODE_ENV: 'production', EMBEDDED_CORE_IN_PRODUCTION: 'allow', SUPERTOKENS_EMAIL_DELIVERY: 'log' },
      'start',
    );

    expect(plan.kind).toBe('embedded-core');
  });

  it('refuses an opt-in value other than allow', () => {
    expect(() => planLaunch({ NODE_ENV: 'production', EMBEDDED_CORE_IN_PRODUCTION: 'yes' })).toThrow(
      "EMBEDDED_CORE_IN_PRODUCTION must be 'allow' (or unset), got 'yes'.",
    );
  });

  it('exits with status 1 and the message, before starting anything', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', SUPERTOKENS_CONNECTION_URI: '', EMBEDDED_CORE_PORT: '0' };

    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: REPO, env, encoding: 'utf8', timeout: 20_000 });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[launcher] Refusing to start: NODE_ENV=production and SUPERTOKENS_CONNECTION_URI is not set');
  });
});

describe('where password-reset and verification links go', () => {
  it('logs them in development when nothing is set', () => {
    expect(readEmailDelivery({ NODE_ENV: 'development' })).toEqual({ kind: 'log' });
    expect(planLaunch({}, 'dev').kind).toBe('embedded-core');
  });

  it('refuses to start in production without a delivery method, saying what to set', () => {
    const production = () => readEmailDelivery({ NODE_ENV: 'production' });

    expect(production).toThrow(/SUPERTOKENS_EMAIL_DELIVERY is not set, and production never logs reset links/);
    expect(production).toThrow(/SUPERTOKENS_EMAIL_DELIVERY=smtp with SMTP_HOST, SMTP_PORT, SMTP_FROM and SMTP_PASSWORD/);
    expect(() => planLaunch({}, 'start')).toThrow(/SUPERTOKENS_EMAIL_DELIVERY is not set/);
  });

  it('logs them in production only when SUPERTOKENS_EMAIL_DELIVERY=log says so by name', () => {
    expect(readEmailDelivery({ NODE_ENV: 'production', SUPERTOKENS_EMAIL_DELIVERY: 'log' })).toEqual({ kind: 'log' });
  });

  it('reads SMTP settings, naming the ones that are missing', () => {
    const smtp = {
      SUPERTOKENS_EMAIL_DELIVERY: 'smtp',
      SMTP_HOST: 'mail.example',
      SMTP_PORT: '465',
      SMTP_FROM: 'auth@example.com',
      SMTP_PASSWORD: 'pw',
    };

    expect(readEmailDelivery({ NODE_ENV: 'production', ...smtp })).toEqual({
      kind: 'smtp',
      smtp: {
        host: 'mail.example',
        port: 465,
        from: { name: 'ssr-session-flow', email: 'auth@example.com' },
        authUsername: undefined,
        password: 'pw',
        secure: true,
      },
    });
    expect(() => readEmailDelivery({ SUPERTOKENS_EMAIL_DELIVERY: 'smtp', SMTP_HOST: 'mail.example' })).toThrow(
      'SUPERTOKENS_EMAIL_DELIVERY=smtp needs SMTP_PORT, SMTP_FROM, SMTP_PASSWORD (SMTP_USER defaults to SMTP_FROM).',
    );
  });

  it('refuses a delivery method it does not know', () => {
    expect(() => readEmailDelivery({ SUPERTOKENS_EMAIL_DELIVERY: 'stdout' })).toThrow("must be smtp, hosted or log, got 'stdout'");
  });
});

describe('the app’s own core setting', () => {
  it('needs SUPERTOKENS_CONNECTION_URI in production and assumes the embedded core’s address in development', () => {
    expect(() => readCoreEnv({ NODE_ENV: 'production' })).toThrow(/SUPERTOKENS_CONNECTION_URI is not set/);
    expect(readCoreEnv({})).toEqual({ connectionURI: 'http://127.0.0.1:3567', apiKey: undefined });
  });
});
