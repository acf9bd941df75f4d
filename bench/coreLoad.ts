import autocannon from 'autocannon';
import { round } from './stats';

/** One bounded load run against the core: how many answered per second, and how fast. */
export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 200 with `status: "OK"`: a run with any is not a valid figure. */
  failures: number;
  /** Requests answered within the run: with none, the rate and latencies above are no figures at all. */
  answered: number;
}

export interface CoreLoadResult {
  refresh: LoadFigures;
  signIn: LoadFigures;
}

export interface CoreLoadOptions {
  /** Seconds per run; each run stops by itself. */
  seconds: number;
  /** Concurrent connections (each one a session whose refresh token it keeps rotating). */
  refreshConnections?: number;
  signInConnections?: number;
}

/** The CDI version supertokens-node 24 speaks. */
const CDI_HEADERS = { 'cdi-version': '5.4', 'content-type': 'application/json' };
const PASSWORD = 'bench-password-1';

/**
 * The embedded core under bounded local load (loopback only), as an app's backend would load it:
 * session refreshes (every request spends a refresh token once and keeps its successor, as a
 * browser does, so each is a real rotation and none trips the theft detection) and email-password
 * sign-ins (one password hash each, by design the expensive call).
 */
export async function measureCoreLoad(coreUrl: string, options: CoreLoadOptions): Promise<CoreLoadResult> {
  const email = `bench-load-${Date.now()}@example.com`;
  const { user } = await callCore<{ user: { id: string } }>(coreUrl, '/recipe/signup', { email, password: PASSWORD });
  const refreshConnections = options.refreshConnections ?? 8;
  // One session per request in flight, plus spares: a token leaves the pool when sent and its
  // successor comes back with the answer, so no refresh token is ever sent twice.
  const refreshTokens: string[] = [];
  for (let i = 0; i < refreshConnections * 2; i += 1) refreshTokens.push(await createSession(coreUrl, user.id));

  const refresh = await load((countFailure) => ({
    url: `${coreUrl}/recipe/session/refresh`,
    connections: refreshConnections,
    duration: options.seconds,
    headers: CDI_HEADERS,
    method: 'POST',
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: refreshBody(refreshTokens.shift() ?? 'pool-empty') }),
        onResponse: (status, body) => {
          const answer = parseJson(body) as { refreshToken?: { token?: string } } | undefined;
          if (answer?.refreshToken?.token) refreshTokens.push(answer.refreshToken.token);
          else countFailure(status, body);
        },
      },
    ],
  }));
  const signIn = await load((countFailure) => ({
    url: `${coreUrl}/recipe/signin`,
    connections: options.signInConnections ?? 4,
    duration: options.seconds,
    headers: CDI_HEADERS,
    method: 'POST',
    requests: [
      {
        body: JSON.stringify({ email, password: PASSWORD }),
        onResponse: (status, body) => {
          if ((parseJson(body) as { status?: string } | undefined)?.status !== 'OK') countFailure(status, body);
        },
      },
    ],
  }));
  return { refresh, signIn };
}

function refreshBody(refreshToken: string): string {
  return JSON.stringify({ refreshToken, enableAntiCsrf: false, useDynamicSigningKey: true });
}

/** A 200 from the core can still say `status: "UNAUTHORISED"`: `countFailure` is for those. */
type CountFailure = (status: number, body: string) => void;

async function load(optionsFor: (countFailure: CountFailure) => autocannon.Options): Promise<LoadFigures> {
  let failures = 0;
  let firstFailure = '';
  const result = await autocannon(
    optionsFor((status, body) => {
      failures += 1;
      firstFailure ||= `${status} ${body.slice(0, 200)}`;
    }),
  );
  failures += result.errors + result.timeouts;
  if (failures > 0) console.warn(`  ${result.url}: ${failures} failed requests, the first: ${firstFailure || 'no answer'}`);
  return {
    requestsPerSecond: round(result.requests.average, 0),
    p50Ms: round(result.latency.p50, 1),
    p99Ms: round(result.latency.p99, 1),
    failures,
    answered: result.requests.total,
  };
}

async function createSession(coreUrl: string, userId: string): Promise<string> {
  const session = await callCore<{ refreshToken: { token: string } }>(coreUrl, '/recipe/session', {
    userId,
    userDataInJWT: {},
    userDataInDatabase: {},
    enableAntiCsrf: false,
    useDynamicSigningKey: true,
  });
  return session.refreshToken.token;
}

async function callCore<T>(coreUrl: string, path: string, body: object): Promise<T> {
  const response = await fetch(`${coreUrl}${path}`, { method: 'POST', headers: CDI_HEADERS, body: JSON.stringify(body) });
  const answer = parseJson(await response.text()) as (T & { status?: string }) | undefined;
  if (!response.ok || answer?.status !== 'OK') throw new Error(`core ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
