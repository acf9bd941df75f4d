import type { Clock } from './clock';
import type { CoreConfig } from './config';
import type { AppContext } from './domain/context';
import type { CoreRequest, CoreResponse } from './http';
import type { JsonObject } from './json';
import type { CoreStore } from './store/coreStore';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * How an API treats the optional `/<tenantId>` prefix, as in the core:
 * - `tenant`: tenant-specific API; the tenant must exist.
 * - `app`: the prefix is ignored (the core takes the tenant from the token or session handle).
 * - `publicTenant`: app-specific API that the core refuses (403) under another tenant.
 * - `unchecked`: the handler resolves app and tenant itself.
 */
export type Scope = 'tenant' | 'app' | 'publicTenant' | 'unchecked';

export interface RouteContext {
  readonly request: CoreRequest;
  readonly appId: string;
  readonly tenantId: string;
  readonly store: CoreStore;
  readonly baseConfig: CoreConfig;
  readonly clock: Clock;
  /** The body as a JSON object, or the core's 400 `Invalid Json Input`. */
  json(): JsonObject;
  /** The addressed app, or the core's 400 `AppId or tenantId not found`. */
  app(): AppContext;
  requireScope(scope: Exclude<Scope, 'app' | 'unchecked'>): void;
}

export type RouteHandler = (ctx: RouteContext) => Promise<CoreResponse> | CoreResponse;

export interface Route {
  /** The API path without app or tenant prefix, lower-case. */
  path: string;
  scope: Scope;
  /** Routes the core exempts from the API key check (hello, JWKS). */
  skipApiKey?: boolean;
  /** Routes that ignore the cdi-version header (hello, apiversion, JWKS). */
  skipVersionCheck?: boolean;
  handlers: Partial<Record<Method, RouteHandler>>;
}

export interface ResolvedPath {
  route: Route | undefined;
  appId: string;
  tenantId: string;
  /** True for `/`, `/appid-x`, `/<tenant>`…: the core answers these with Hello. */
  isRoot: boolean;
}

const TENANT_STOP_WORDS = new Set(['recipe', 'config', 'users', 'hello']);
const ID = /^[a-z0-9-]+$/;

/**
 * The core's PathRouter: an exact match first, then `[/appid-<app>][/<tenant>]<api path>`,
 * case-insensitive, where a tenant can never be one of the core's stop words.
 */
export function resolvePath(pathname: string, routes: readonly Route[]): ResolvedPath {
  const path = pathname.toLowerCase().replace(/\/+$/, '') || '/';
  const byPath = new Map(routes.map((route) => [route.path, route]));
  const exact = byPath.get(path);
  if (exact) return { route: exact, appId: 'public', tenantId: 'public', isRoot: false };

  const segments = path.split('/').filter(Boolean);
  let appId = 'public';
  const first = segments[0];
  if (first?.startsWith('appid-') && (first === 'appid-' || ID.test(first.slice(6)))) {
    appId = first.slice(6) || 'public';
    segments.shift();
  }
  const rest = `/${segments.join('/')}`;
  const direct = byPath.get(rest);
  if (direct) return { route: direct, appId, tenantId: 'public', isRoot: false };
  const tenant = segments[0];
  if (tenant !== undefined && ID.test(tenant) && !TENANT_STOP_WORDS.has(tenant)) {
    const withoutTenant = `/${segments.slice(1).join('/')}`;
    const route = segments.length > 1 ? byPath.get(withoutTenant) : undefined;
    return { route, appId, tenantId: tenant, isRoot: segments.length === 1 };
  }
  return { route: undefined, appId, tenantId: 'public', isRoot: segments.length === 0 };
}
