/**
 * Every environment variable the app reads, in one place.
 *
 * `NEXT_PUBLIC_*` values are inlined into the client bundle at build time, so build for the
 * ports the browser will use (the e2e script builds with its own).
 */
const DEFAULT_APP_ORIGIN = 'http://localhost:3000';
export const DEFAULT_CORE_URL = 'http://127.0.0.1:3567';

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

export interface CoreEnv {
  /** One core URL, or several separated by `;` (the SDK fails over between them). */
  connectionURI: string;
  apiKey: string | undefined;
}

export function readCoreEnv(): CoreEnv {
  return {
    connectionURI: process.env.SUPERTOKENS_CONNECTION_URI || DEFAULT_CORE_URL,
    apiKey: process.env.SUPERTOKENS_API_KEY || undefined,
  };
}

export interface SessionEnv {
  /** `cookieDomain` before it last changed (`''` for host-only cookies); unset when it never changed. */
  olderCookieDomain: string | undefined;
}

export function readSessionEnv(): SessionEnv {
  return { olderCookieDomain: process.env.SUPERTOKENS_OLDER_COOKIE_DOMAIN };
}
