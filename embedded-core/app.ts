import { refuseBrowserRequests } from './browserGuard';
import { systemClock, type Clock } from './clock';
import { DEFAULT_CORE_CONFIG, validateCoreConfig, type CoreConfig } from './config';
import { DEFAULT_TENANT_ID, effectiveConfigOf, ensureDefaultApp } from './domain/apps';
import { TryRefreshTokenError, UnauthorisedError, type AppContext } from './domain/context';
import { appNotFound, CoreHttpError, textResponse, toErrorResponse } from './errors';
import { jsonResponse, type CoreRequest, type CoreResponse } from './http';
import { parseJsonBody } from './input';
import type { JsonObject } from './json';
import { checkApiKey, checkCdiVersion } from './protocolChecks';
import { resolvePath, type Method, type ResolvedPath, type RouteContext } from './router';
import { ROUTES } from './routes';
import { createMemoryStore, type CoreStore } from './store/coreStore';
import { createPasswordHasher, type PasswordHasher, type PasswordHashingOptions } from './tokens/passwords';

export interface CoreAppOptions {
  /** Defaults to a fresh memory store. */
  store?: CoreStore;
  clock?: Clock;
  /** Base config of every app (the default app uses it as is); merged over the core's defaults. */
  config?: Partial<CoreConfig>;
  /**
   * Password hashing. Only tests set `params`, to a lower cost than the production default (the
   * data file can never choose it); `onDerive` lets them count hash computations.
   */
  passwordHashing?: PasswordHashingOptions;
  /** Called after each answered request; tests use it to count core calls. */
  onRequest?: (event: CoreRequestEvent) => void;
}

export interface CoreRequestEvent {
  method: string;
  path: string;
  status: number;
  /** The `status` field of a JSON answer, when there is one. */
  verdict: string | undefined;
}

export interface CoreApp {
  handle(request: CoreRequest): Promise<CoreResponse>;
  readonly store: CoreStore;
  readonly clock: Clock;
  readonly config: CoreConfig;
  readonly passwords: PasswordHasher;
}

/**
 * The embedded core as a function from request to response, with injected store and clock; no
 * sockets here (server.ts owns the port). Requests are handled one at a time, in arrival order,
 * each to completion: that stands in for the core's database transactions, so two refreshes of
 * the same session can never interleave.
 */
export function createCoreApp(options: CoreAppOptions = {}): CoreApp {
  const store = options.store ?? createMemoryStore();
  const clock = options.clock ?? systemClock;
  const config = validateCoreConfig({ ...DEFAULT_CORE_CONFIG, ...options.config });
  const passwords = createPasswordHasher(options.passwordHashing);
  ensureDefaultApp(store);
  store.flush();

  let queue: Promise<unknown> = Promise.resolve();
  const handle = (request: CoreRequest): Promise<CoreResponse> => {
    const result = queue.then(() => answer(request));
    queue = result.catch(() => undefined);
    return result;
  };

  async function answer(request: CoreRequest): Promise<CoreResponse> {
    let response: CoreResponse;
    try {
      response = await dispatch(request, { store, clock, config, passwords });
    } catch (error) {
      response = toErrorResponse(error);
    }
    try {
      store.flush();
    } catch (error) {
      response = textResponse(500, `Embedded core could not persist its data: ${(error as Error).message}`);
    }
    const { method, path } = request;
    options.onRequest?.({ method, path, status: response.status, verdict: verdictOf(response) });
    return response;
  }

  return { handle, store, clock, config, passwords };
}

/** What every request of one app factory shares. */
interface CoreServices {
  store: CoreStore;
  clock: Clock;
  config: CoreConfig;
  passwords: PasswordHasher;
}

async function dispatch(request: CoreRequest, services: CoreServices): Promise<CoreResponse> {
  refuseBrowserRequests(request);
  const resolved = resolvePath(request.path, ROUTES);
  const ctx = routeContext(request, resolved, services);
  const route = resolved.route;
  if (!route) return notFoundOrHello(ctx, resolved);
  if (!route.skipApiKey) checkApiKey(ctx);
  if (!route.skipVersionCheck) checkCdiVersion(request.headers['cdi-version']);
  const handler = route.handlers[request.method.toUpperCase() as Method];
  if (!handler) throw new CoreHttpError(405, 'Method not supported');
  if (route.scope === 'app') ctx.app();
  else if (route.scope !== 'unchecked') ctx.requireScope(route.scope);
  try {
    return await handler(ctx);
  } catch (error) {
    // Business verdicts: HTTP 200 with the core's status strings.
    const { message } = error as Error;
    if (error instanceof UnauthorisedError) return jsonResponse({ status: 'UNAUTHORISED', message });
    if (error instanceof TryRefreshTokenError) return jsonResponse({ status: 'TRY_REFRESH_TOKEN', message });
    throw error;
  }
}

function routeContext(request: CoreRequest, resolved: ResolvedPath, services: CoreServices): RouteContext {
  const { store, clock, config: baseConfig, passwords } = services;
  const { appId, tenantId } = resolved;
  let appContext: AppContext | undefined;
  let body: JsonObject | undefined;
  const ctx: RouteContext = {
    request,
    appId,
    tenantId,
    store,
    clock,
    baseConfig,
    json: () => (body ??= parseJsonBody(request.body)),
    app() {
      if (appContext) return appContext;
      const app = store.data.apps.get(appId);
      if (!app) throw appNotFound(appId, DEFAULT_TENANT_ID);
      const config = effectiveConfigOf(baseConfig, app);
      appContext = { appId, app, config, clock, passwords, changed: () => store.markChanged() };
      return appContext;
    },
    requireScope(scope) {
      if (!store.data.apps.has(appId)) throw appNotFound(appId, tenantId);
      ctx.app();
      if (tenantId === DEFAULT_TENANT_ID) return;
      if (scope === 'publicTenant') throw new CoreHttpError(403, 'Only public tenantId can call this app specific API');
      throw appNotFound(appId, tenantId);
    },
  };
  return ctx;
}

/** The core's NotFoundOrHelloAPI: needs an existing app, says Hello at the root, else 404. */
function notFoundOrHello(ctx: RouteContext, resolved: ResolvedPath): CoreResponse {
  ctx.app();
  const method = ctx.request.method.toUpperCase();
  if (resolved.isRoot && resolved.tenantId === DEFAULT_TENANT_ID && ['GET', 'POST', 'PUT', 'DELETE'].includes(method)) {
    return textResponse(200, 'Hello');
  }
  return textResponse(404, 'Not found');
}

function verdictOf(response: CoreResponse): string | undefined {
  if (!response.headers['content-type']?.startsWith('application/json')) return undefined;
  try {
    const body: unknown = JSON.parse(response.body);
    const status = (body as { status?: unknown }).status;
    return typeof status === 'string' ? status : undefined;
  } catch {
    return undefined;
  }
}
