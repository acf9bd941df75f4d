/**
 * Every environment variable the app reads, in one place.
 *
 * `NEXT_PUBLIC_*` values are inlined into the client bundle at build time, so build for the
 * ports the browser will use (the e2e script builds with its own).
 */
const DEFAULT_APP_ORIGIN = 'http://localhost:3000';
export const DEFAULT_CORE_URL = 'http://127.0.0.1:3567';

/** An environment as a plain map, so callers (and tests) need not build a full NodeJS.ProcessEnv. */
export type Env = Readonly<Record<string, string | undefined>>;

export interface SuperTokensEnv {
  appName: string;
  apiDomain: string;
  websiteDomain: string;
  apiBasePath: string;
  websiteBasePath: string;
}

export function readPublicEnv(): SuperTokensEnv {
  const websiteDomain = process.env.NEXT_PUBLIC_WEBSITE_DOMAIN || DEFAULT_APP_ORIGIN;
  return {
    appName: process.env.NEXT_PUBLIC_APP_NAME || 'ssr-session-flow',
    websiteDomain,
    apiDomain: process.env.NEXT_PUBLIC_API_DOMAIN || websiteDomain,
    apiBasePath: '/api/auth',
    websiteBasePath: '/auth',
  };
}

/**
 * `NEXT_PUBLIC_EMAIL_VERIFICATION=required` turns on SuperTokens' EmailVerification recipe in
 * REQUIRED mode, on the server and in the browser. Read literally (not through a variable), so
 * Next inlines it into both bundles at build time: build with the value the server runs with.
 */
export function isEmailVerificationRequired(): boolean {
  return process.env.NEXT_PUBLIC_EMAIL_VERIFICATION === 'required';
}

/** A server setting that would make production unsafe or broken; the message says what to set. */
export class ServerConfigError extends Error {
  override name = 'ServerConfigError';
}

/** `next start` and the standalone server always run with NODE_ENV=production; `next dev` never does. */
export function isProduction(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production';
}

export interface CoreEnv {
  /** One core URL, or several separated by `;` (the SDK fails over between them). */
  connectionURI: string;
  apiKey: string | undefined;
}

/**
 * In development the embedded core's default address is assumed. In production a core must be
 * named: falling back to a local development core would silently keep users in one JSON file.
 */
export function readCoreEnv(env: Env = process.env): CoreEnv {
  const connectionURI = env.SUPERTOKENS_CONNECTION_URI?.trim();
  if (!connectionURI && isProduction(env)) {
    throw new ServerConfigError(
      'SUPERTOKENS_CONNECTION_URI is not set. In production the app needs a SuperTokens core: set ' +
        'SUPERTOKENS_CONNECTION_URI to its URL (and SUPERTOKENS_API_KEY to its API key). To try a production ' +
        'build on the embedded development core instead, run `npm start` with EMBEDDED_CORE_IN_PRODUCTION=allow.',
    );
  }
  return { connectionURI: connectionURI || DEFAULT_CORE_URL, apiKey: env.SUPERTOKENS_API_KEY || undefined };
}

export interface SmtpSettings {
  host: string;
  port: number;
  from: { name: string; email: string };
  authUsername: string | undefined;
  password: string;
  secure: boolean;
}

/** How password-reset and verification links reach users. Links are bearer secrets. */
export type EmailDelivery = { kind: 'hosted' } | { kind: 'log' } | { kind: 'smtp'; smtp: SmtpSettings };

const DELIVERY_HELP =
  'Set SUPERTOKENS_EMAIL_DELIVERY=smtp with SMTP_HOST, SMTP_PORT, SMTP_FROM and SMTP_PASSWORD (SMTP_USER ' +
  'if it differs from SMTP_FROM), or SUPERTOKENS_EMAIL_DELIVERY=hosted for SuperTokens\' hosted email service. ' +
  'SUPERTOKENS_EMAIL_DELIVERY=log writes the links to the server log: for development and test runs only.';

/**
 * Unset means "log" in development and is refused in production: a reset link in a log file is a
 * password for anyone who can read the logs.
 */
export function readEmailDelivery(env: Env = process.env): EmailDelivery {
  const kind = env.SUPERTOKENS_EMAIL_DELIVERY?.trim();
  if (!kind) {
    if (!isProduction(env)) return { kind: 'log' };
    throw new ServerConfigError(`SUPERTOKENS_EMAIL_DELIVERY is not set, and production never logs reset links. ${DELIVERY_HELP}`);
  }
  if (kind === 'hosted' || kind === 'log') return { kind };
  if (kind === 'smtp') return { kind, smtp: readSmtpSettings(env) };
  throw new ServerConfigError(`SUPERTOKENS_EMAIL_DELIVERY must be smtp, hosted or log, got '${kind}'. ${DELIVERY_HELP}`);
}

function readSmtpSettings(env: Env): SmtpSettings {
  const missing = ['SMTP_HOST', 'SMTP_PORT', 'SMTP_FROM', 'SMTP_PASSWORD'].filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    throw new ServerConfigError(
      `SUPERTOKENS_EMAIL_DELIVERY=smtp needs ${missing.join(', ')} (SMTP_USER defaults to SMTP_FROM).`,
    );
  }
  const port = Number(env.SMTP_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ServerConfigError(`SMTP_PORT must be a port number, got '${env.SMTP_PORT}'.`);
  }
  return {
    host: (env.SMTP_HOST ?? '').trim(),
    port,
    from: { name: env.SMTP_FROM_NAME?.trim() || 'ssr-session-flow', email: (env.SMTP_FROM ?? '').trim() },
    authUsername: env.SMTP_USER || undefined,
    password: env.SMTP_PASSWORD ?? '',
    // Port 465 speaks TLS from the first byte; other ports upgrade with STARTTLS.
    secure: env.SMTP_SECURE ? env.SMTP_SECURE === 'true' : port === 465,
  };
}

/** Everything the server checks before it serves a request, so a bad setting stops the start. */
export function assertServerEnv(env: Env = process.env): void {
  readCoreEnv(env);
  readEmailDelivery(env);
}

export interface SessionEnv {
  /** `cookieDomain` before it last changed (`''` for host-only cookies); unset when it never changed. */
  olderCookieDomain: string | undefined;
}

export function readSessionEnv(env: Env = process.env): SessionEnv {
  return { olderCookieDomain: env.SUPERTOKENS_OLDER_COOKIE_DOMAIN };
}
