import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Everything the e2e build, server and specs must agree on, in one place.
 *
 * The origin is inlined into the client bundle at build time (`NEXT_PUBLIC_*`), so the build and
 * the server must use exactly these values. Ports avoid 3000/3567, which `npm run dev` uses.
 */
export const REPO_ROOT = path.resolve(__dirname, '..');
export const APP_PORT = portFromEnv('E2E_APP_PORT', 3200);
export const CORE_PORT = portFromEnv('E2E_CORE_PORT', 3767);
export const APP_ORIGIN = `http://localhost:${APP_PORT}`;
export const CORE_URL = `http://127.0.0.1:${CORE_PORT}`;
export const DIST_DIR = '.next-e2e';
/** Each spec's fresh Chromium profile is made in here; the runner removes it after the run. */
export const PROFILES_DIR = path.join(tmpdir(), `ssr-session-flow-e2e-profiles-${APP_PORT}`);

/** Two checkouts can run their browser tests side by side when each picks its own ports. */
function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`${name} must be a port number, got ${JSON.stringify(raw)}`);
  return port;
}

/**
 * Long enough for a sign-up and one navigation to finish on a busy 2-core machine before the
 * token expires, short enough that specs which need an expired token wait only a moment.
 */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 3;

/** What `next build` needs: the origin the browser uses, the trace on, the e2e build folder. */
export function buildEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_PUBLIC_WEBSITE_DOMAIN: APP_ORIGIN,
    NEXT_PUBLIC_API_DOMAIN: APP_ORIGIN,
    NEXT_PUBLIC_SESSION_FLOW_TRACE: '1',
    NEXT_TELEMETRY_DISABLED: '1',
  };
}

/**
 * What `scripts/start.ts` (embedded core + `next start`) needs: the same build values, and a core in
 * memory with short-lived access tokens. A real core configured in the caller's shell must not leak in.
 * Production refuses the embedded core and logged links unless asked by name: a test run asks.
 */
export function serverEnv(): NodeJS.ProcessEnv {
  const env = buildEnv();
  delete env.SUPERTOKENS_CONNECTION_URI;
  delete env.SUPERTOKENS_API_KEY;
  return {
    ...env,
    ...TEST_RUN_OPT_INS,
    EMBEDDED_CORE_PORT: String(CORE_PORT),
    EMBEDDED_CORE_DATA_FILE: '',
    ACCESS_TOKEN_VALIDITY: String(ACCESS_TOKEN_LIFETIME_SECONDS),
  };
}

/** The explicit opt-ins a production-mode test server needs: the embedded core, and links in the log. */
export const TEST_RUN_OPT_INS = { EMBEDDED_CORE_IN_PRODUCTION: 'allow', SUPERTOKENS_EMAIL_DELIVERY: 'log' } as const;

/**
 * Specs 30 and up build and run servers of their own next to the main one, on ports derived from
 * the main ones so two checkouts still never collide: email verification on (+10), and two app
 * instances behind a round-robin proxy (+20: proxy, +21 and +22: instances).
 */
export const EV_APP_PORT = APP_PORT + 10;
export const EV_CORE_PORT = CORE_PORT + 10;
export const EV_ORIGIN = `http://localhost:${EV_APP_PORT}`;
export const EV_DIST_DIR = '.next-e2e-ev';

export const CLUSTER_PROXY_PORT = APP_PORT + 20;
export const CLUSTER_INSTANCE_PORTS = [APP_PORT + 21, APP_PORT + 22] as const;
export const CLUSTER_CORE_PORT = CORE_PORT + 20;
export const CLUSTER_ORIGIN = `http://localhost:${CLUSTER_PROXY_PORT}`;
export const CLUSTER_DIST_DIR = '.next-e2e-cluster';

/** What `next build` needs for a build served at `origin` (the browser's origin is inlined). */
export function buildEnvFor(origin: string, distDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...buildEnv(), NEXT_DIST_DIR: distDir, NEXT_PUBLIC_WEBSITE_DOMAIN: origin, NEXT_PUBLIC_API_DOMAIN: origin, ...extra };
}

/** The standalone server the Docker image runs (+40), built with NEXT_OUTPUT=standalone. */
export const STANDALONE_PORT = APP_PORT + 40;
export const STANDALONE_CORE_PORT = CORE_PORT + 40;
export const STANDALONE_ORIGIN = `http://localhost:${STANDALONE_PORT}`;
export const STANDALONE_DIST_DIR = '.next-e2e-standalone';

/** The demo built with Next 16's cacheComponents (+45): visited App Router routes kept alive under <Activity>. */
export const CC_APP_PORT = APP_PORT + 45;
export const CC_CORE_PORT = CORE_PORT + 45;
export const CC_ORIGIN = `http://localhost:${CC_APP_PORT}`;
export const CC_DIST_DIR = '.next-e2e-cc';

/** Consumer apps (examples/consumer and the compatibility matrix) take ports from +50 up: e2e/consumers/consumerCells.ts. */
