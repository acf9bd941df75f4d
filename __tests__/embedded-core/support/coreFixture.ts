import { randomUUID } from 'node:crypto';
import {
  startEmbeddedCore,
  type Clock,
  type CoreRequestEvent,
  type EmbeddedCore,
  type JsonObject,
  type ScryptParams,
  type StartEmbeddedCoreOptions,
} from 'ssr-session-flow-embedded-core';

/**
 * Real time plus an adjustable offset: jose inside the SDK checks `exp` against the real clock,
 * so tests move the core's clock back to mint tokens that are already expired, or forward to age keys.
 */
function createOffsetClock(): Clock & { offsetMs: number } {
  const clock = { offsetMs: 0, now: () => Date.now() + clock.offsetMs };
  return clock;
}

/**
 * A cheap scrypt cost for test cores, injected through the app factory (the only place a cost can
 * be chosen): sign-ups and sign-ins then take milliseconds instead of the production ~0.2 s.
 */
export const TEST_PASSWORD_HASHING: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

/** One in-process core on a free loopback port, memory store unless told otherwise. */
export function startTestCore(options: StartEmbeddedCoreOptions = {}): Promise<EmbeddedCore> {
  return startEmbeddedCore({ port: 0, passwordHashing: { params: TEST_PASSWORD_HASHING }, ...options });
}

export interface SharedTestCore {
  /** The running core; read it inside tests and hooks (it starts in `beforeAll`). */
  readonly core: EmbeddedCore;
  clock: Clock & { offsetMs: number };
  /** Every call the SDK made to the core, emptied before each test. */
  calls: CoreRequestEvent[];
}

/**
 * One core for a whole test file, on an offset clock and with a call log: started once, stopped
 * after the file, clock and log reset before each test. Call at the top of the file, before any
 * `beforeEach` that depends on the reset.
 */
export function useSharedTestCore(): SharedTestCore {
  const clock = createOffsetClock();
  const calls: CoreRequestEvent[] = [];
  let core: EmbeddedCore | undefined;
  beforeAll(async () => {
    core = await startTestCore({ clock, onRequest: (event) => calls.push(event) });
  });
  afterAll(() => core?.close());
  beforeEach(() => {
    clock.offsetMs = 0;
    calls.length = 0;
  });
  return {
    clock,
    calls,
    get core() {
      if (!core) throw new Error('The shared test core starts in beforeAll; read it inside a test or hook.');
      return core;
    },
  };
}

export interface TestApp {
  appId: string;
  /** `<core>/appid-<id>`: what the SDK's connectionURI points at for this app. */
  url: string;
}

/** A fresh app with its own users, sessions, keys and config: the isolation the core offers test suites. */
export async function createTestApp(core: EmbeddedCore, coreConfig: JsonObject = {}, apiKey?: string): Promise<TestApp> {
  const appId = `t-${randomUUID().slice(0, 8)}`;
  const { status, body } = await coreCall(core.url, 'PUT', '/recipe/multitenancy/app/v2', { appId, coreConfig }, apiKey);
  if (status !== 200 || (body as JsonObject).status !== 'OK') {
    throw new Error(`could not create app ${appId}: ${status} ${JSON.stringify(body)}`);
  }
  return { appId, url: `${core.url}/appid-${appId}` };
}

export interface CoreCallResult {
  status: number;
  contentType: string;
  /** Parsed JSON for JSON answers, the text otherwise. */
  body: unknown;
}

/** A raw call to the core, as the SDK would make it (cdi-version 5.4, JSON body). */
export async function coreCall(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  apiKey?: string,
  extraHeaders: Record<string, string> = {},
): Promise<CoreCallResult> {
  const headers: Record<string, string> = {
    'cdi-version': '5.4',
    ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    ...(apiKey === undefined ? {} : { 'api-key': apiKey }),
    ...extraHeaders,
  };
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text();
  return { status: response.status, contentType, body: contentType.startsWith('application/json') ? JSON.parse(text) : text };
}
