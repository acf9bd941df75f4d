import type { PlaywrightTestConfig } from '@playwright/test';

/** One entry of playwright.config's `webServer`. */
export type WebServerEntry = Exclude<NonNullable<PlaywrightTestConfig['webServer']>, readonly unknown[]>;

/** The core's port, as the real core's. */
export const DEFAULT_CORE_PORT = 3567;
/** Seconds: long enough for a sign-up and a page load on a busy machine, short enough that waiting for expiry is a moment. */
export const DEFAULT_TEST_ACCESS_TOKEN_VALIDITY = 3;
/** The CDI version supertokens-node 24 speaks. */
const CDI_VERSION = '5.4';

export interface SessionCoreWebServerOptions {
  /** Default 3567. The app must use `http://127.0.0.1:<port>` as its SUPERTOKENS_CONNECTION_URI. */
  port?: number;
  /** Seconds an access token lives. Default 3, so `expireAccessToken` waits only a moment. */
  accessTokenValidity?: number;
  /** Keep users and sessions in this file between runs; memory only by default. */
  dataFile?: string;
  /** Use a core already listening on the port (default: only outside CI, as Playwright's docs suggest). */
  reuseExistingServer?: boolean;
}

/**
 * A `webServer` entry for playwright.config that starts the embedded core
 * (`ssr-session-flow-embedded-core`, a dev dependency of the app) before the tests and the app,
 * and stops it after: `webServer: [sessionCoreWebServer(), { command: 'npm run start', … }]`.
 */
export function sessionCoreWebServer(options: SessionCoreWebServerOptions = {}): WebServerEntry {
  const port = options.port ?? DEFAULT_CORE_PORT;
  const validity = options.accessTokenValidity ?? DEFAULT_TEST_ACCESS_TOKEN_VALIDITY;
  const store = options.dataFile ? `--data-file ${JSON.stringify(options.dataFile)}` : '--memory';
  return {
    command: `npx --no-install ssr-session-flow-embedded-core --port ${port} ${store} --access-token-validity ${validity}`,
    url: `${sessionCoreUrl(port)}/hello`,
    reuseExistingServer: options.reuseExistingServer ?? !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  };
}

/** The connection URI of a core on `port` of this machine. */
export function sessionCoreUrl(port: number = DEFAULT_CORE_PORT): string {
  return `http://127.0.0.1:${port}`;
}

/** What a test can ask the core the app uses (the embedded one or a real one). */
export interface SessionCoreClient {
  url: string;
  /** Revokes every session of `userId`, as an admin or a sign-out on another device would. Resolves to the revoked handles. */
  revokeAllSessions(userId: string): Promise<string[]>;
  /** The user's live session handles. */
  sessionHandlesOf(userId: string): Promise<string[]>;
}

/** Checks that a core answers `/hello` at `url` (with `apiKey` if it needs one) and returns a client for it. */
export async function connectSessionCore(url: string, apiKey?: string): Promise<SessionCoreClient> {
  const hello = await fetch(`${url}/hello`).then(
    (response) => response.text(),
    (error: unknown) => `${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
  );
  if (hello.trim() !== 'Hello') {
    throw new Error(
      `No SuperTokens core answers at ${url} (${hello.trim().slice(0, 200)}). Start one before the app: ` +
        "webServer: [sessionCoreWebServer(), …] in playwright.config, or set sessionCoreUrl to the app's SUPERTOKENS_CONNECTION_URI.",
    );
  }
  const call = async (method: 'GET' | 'POST', pathAndQuery: string, body?: object): Promise<Record<string, unknown>> => {
    const response = await fetch(`${url}${pathAndQuery}`, {
      method,
      headers: { 'cdi-version': CDI_VERSION, ...(apiKey ? { 'api-key': apiKey } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    const json: unknown = response.ok ? JSON.parse(text) : undefined;
    if (typeof json !== 'object' || json === null || (json as { status?: unknown }).status !== 'OK') {
      throw new Error(`The core answered ${method} ${pathAndQuery} with ${response.status}: ${text}`);
    }
    return json as Record<string, unknown>;
  };
  return {
    url,
    revokeAllSessions: async (userId) => stringsOf((await call('POST', '/recipe/session/remove', { userId })).sessionHandlesRevoked),
    sessionHandlesOf: async (userId) => stringsOf((await call('GET', `/recipe/session/user?userId=${encodeURIComponent(userId)}`)).sessionHandles),
  };
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
