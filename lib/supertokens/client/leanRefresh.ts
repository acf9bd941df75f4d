import * as fetchBuild from 'supertokens-website/lib/build/fetch';
import {
  AntiCsrfToken,
  fireSessionUpdateEventsIfNecessary,
  FrontToken,
  getLocalSessionState,
  getTokenForHeaderAuth,
  setToken,
  updateClockSkewUsingFrontToken,
  type LocalSessionState,
} from 'supertokens-website/lib/build/fetch';
import { supported_fdi as SUPPORTED_FDI } from 'supertokens-website/lib/build/version';
import { LockFactoryReference } from 'supertokens-website/utils/lockFactory';
import { createRefreshBookkeeping } from './refreshBookkeeping';
import { publicRefresh, type RefreshStrategy } from './refreshStrategy';

/**
 * The key supertokens-website's refresh holds its lock under (`onUnauthorisedResponse`); the
 * sign-out takes it too (signOutBetweenRefreshes.ts). Written in each, not shared: an export
 * between them costs every page's first load about 20 bytes (measured).
 */
const SDK_REFRESH_LOCK_KEY = 'REFRESH_TOKEN_USE';

/**
 * The SDK's request class, the file's only default export. Bundlers disagree on what a default
 * import of a CommonJS file is: Turbopack, esbuild and Node's interop hand `exports.default`,
 * webpack hands an ES module the whole `module.exports`. Named imports mean the same to all of them.
 */
const AuthHttpRequest = commonJsDefault(fetchBuild);

/** What supertokens-website waits for the lock before it looks at the session again. */
const LOCK_WAIT_MS = 1_000;
/** The SDK's words (classifyRefreshError looks for them): a proxy strips the header, or CORS hides it. */
const MISSING_FRONT_TOKEN =
  "The 'front-token' header is missing from a successful refresh-session response: a proxy strips it, or it is " +
  "missing from 'access-control-expose-headers'.";

/**
 * The refresh on supertokens-website's own build files: the one module of this kit that reaches
 * past an SDK's public API. Before the first refresh it checks that every part it needs is there,
 * as it was in the versions the kit is tested with; if one is missing (another release moved
 * it), it says so once and refreshes with the public call instead: slower, never broken.
 * `superTokensSessionPorts({ refresh: leanRefresh() })` (docs/decisions/017).
 */
export function leanRefresh(): RefreshStrategy {
  let chosen: RefreshStrategy | undefined;
  const choose = (): RefreshStrategy => {
    if (chosen) return chosen;
    const missing = missingPrivateParts();
    if (missing.length > 0) {
      console.warn(
        `ssr-session-flow: this supertokens-website has no ${missing.join(', ')}; refreshing with its public attemptRefreshingSession().`,
      );
      chosen = publicRefresh;
    } else {
      const bookkeeping = createRefreshBookkeeping((callback, delayMs) => {
        const handle = window.setTimeout(callback, delayMs);
        return () => window.clearTimeout(handle);
      });
      chosen = {
        refresh: async () => {
          await bookkeeping.flush();
          return refreshSession(bookkeeping.later);
        },
        whileReloading: (reload) => bookkeeping.holdWhile(reload),
      };
    }
    return chosen;
  };
  return {
    refresh: () => choose().refresh(),
    whileReloading: (reload) => (chosen ?? publicRefresh).whileReloading(reload),
  };
}

/** What the lean refresh uses of supertokens-website that its public API does not promise. */
export function missingPrivateParts(): string[] {
  const functions: Record<string, unknown> = {
    getLocalSessionState,
    getTokenForHeaderAuth,
    setToken,
    fireSessionUpdateEventsIfNecessary,
    updateClockSkewUsingFrontToken,
    'AntiCsrfToken.getToken': AntiCsrfToken?.getToken,
    'AntiCsrfToken.setItem': AntiCsrfToken?.setItem,
    'FrontToken.setItem': FrontToken?.setItem,
    'LockFactoryReference.getReferenceOrThrow': LockFactoryReference?.getReferenceOrThrow,
  };
  const missing = Object.entries(functions)
    .filter(([, value]) => typeof value !== 'function')
    .map(([name]) => name);
  const request = AuthHttpRequest as Partial<typeof AuthHttpRequest> | undefined;
  const config = request?.config as Partial<(typeof AuthHttpRequest)['config']> | undefined;
  for (const hook of ['preAPIHook', 'postAPIHook', 'onHandleEvent'] as const) {
    if (typeof config?.[hook] !== 'function') missing.push(`AuthHttpRequest.config.${hook}`);
  }
  if (typeof config?.sessionExpiredStatusCode !== 'number') missing.push('AuthHttpRequest.config.sessionExpiredStatusCode');
  if (typeof request?.refreshTokenUrl !== 'string') missing.push('AuthHttpRequest.refreshTokenUrl');
  if (typeof request?.rid !== 'string') missing.push('AuthHttpRequest.rid');
  if (typeof request?.env?.__supertokensOriginalFetch !== 'function') missing.push('AuthHttpRequest.env.__supertokensOriginalFetch');
  if (!Array.isArray(SUPPORTED_FDI)) missing.push('supported_fdi');
  return missing;
}

/**
 * SuperTokens' refresh (`attemptRefreshingSession` in supertokens-website 20.1), step for step,
 * with its work reordered so that none of it delays recovery (docs/decisions/014):
 * - the session state is read, and the request's headers made from it, while the lock is being
 *   granted, not before asking for it and after getting it;
 * - the answer is known, and the returned promise settles, as soon as the refresh response is in;
 *   saving what it carries (front token, tokens, anti-CSRF token, clock skew), the SDK's events and
 *   the lock's release follow when `recordLater` runs them: in the next task by default, after the
 *   soft reload in the browser ports (see refreshBookkeeping.ts).
 *
 * Kept as the SDK has them: the same lock (whichever the app configured) and name, so two tabs
 * and the SDK's own refreshes never spend one refresh token twice; "another tab refreshed while
 * we waited" answers `true` without a request; the same headers, hooks, events and errors (a
 * `Response` for an unexpected status, the SDK's error for a 200 without `front-token`, the fetch
 * error offline; `false` once the session is gone). Requires the SDK to be initialised.
 */
export async function refreshSession(recordLater: (record: () => Promise<void>) => void = inNextTask): Promise<boolean> {
  const lock = await LockFactoryReference.getReferenceOrThrow().lockFactory();
  let before: LocalSessionState | undefined;
  let headers: Promise<Headers> | undefined;
  for (;;) {
    const acquiring = lock.acquireLock(SDK_REFRESH_LOCK_KEY, LOCK_WAIT_MS);
    before ??= await getLocalSessionState(false);
    // Built from the state before the lock, as the SDK builds them: ready when the lock is.
    headers ??= refreshHeaders(before);
    if (await acquiring) return refreshHoldingLock(before, await headers, () => lock.releaseLock(SDK_REFRESH_LOCK_KEY), recordLater);
    // Not granted in time: maybe the holder refreshed already, or the session ended.
    const now = await getLocalSessionState(false);
    if (now.status === 'NOT_EXISTS') return false;
    if (now.status !== before.status || timestampChanged(before, now)) return true;
  }
}

async function refreshHoldingLock(
  before: LocalSessionState,
  headers: Headers,
  releaseLock: () => Promise<void>,
  recordLater: (record: () => Promise<void>) => void,
): Promise<boolean> {
  let keepLock = false;
  try {
    const now = await getLocalSessionState(false);
    if (now.status === 'NOT_EXISTS') {
      AuthHttpRequest.config.onHandleEvent({ action: 'UNAUTHORISED', sessionExpiredOrRevoked: false, userContext: {} });
      return false;
    }
    if (changedSince(before, now)) return true;
    const request = await AuthHttpRequest.config.preAPIHook({
      action: 'REFRESH_SESSION',
      requestInit: { method: 'post', credentials: 'include', headers },
      url: AuthHttpRequest.refreshTokenUrl,
      userContext: {},
    });
    const response: Response = await AuthHttpRequest.env.__supertokensOriginalFetch(request.url, request.requestInit);
    const frontToken = response.headers.get('front-token');
    const unauthorised = response.status === AuthHttpRequest.config.sessionExpiredStatusCode;
    if (response.status === 200 && frontToken !== null) {
      // Refreshed: say so now, and keep the lock until the SDK's state says so too.
      keepLock = true;
      recordLater(() => recordRefresh(before, response, request.requestInit).finally(releaseLock));
      return true;
    }
    await saveTokens(response, unauthorised && frontToken === null ? 'remove' : frontToken);
    fireSessionUpdateEventsIfNecessary(before.status === 'EXISTS', response.status, unauthorised && frontToken === null ? 'remove' : frontToken);
    if (response.status === 200) {
      console.error(MISSING_FRONT_TOKEN);
      throw new Error(MISSING_FRONT_TOKEN);
    }
    if (response.status >= 300) throw response;
    return (await getLocalSessionState(false)).status !== 'NOT_EXISTS';
  } catch (error) {
    if ((await getLocalSessionState(false)).status === 'NOT_EXISTS') return false;
    throw error;
  } finally {
    if (!keepLock) await releaseLock();
  }
}

function inNextTask(record: () => Promise<void>): void {
  setTimeout(() => void record(), 0);
}

/** What the SDK does with a successful refresh answer before it returns. */
async function recordRefresh(before: LocalSessionState, response: Response, requestInit: RequestInit): Promise<void> {
  try {
    const frontToken = response.headers.get('front-token');
    await saveTokens(response, frontToken);
    fireSessionUpdateEventsIfNecessary(before.status === 'EXISTS', response.status, frontToken);
    await AuthHttpRequest.config.postAPIHook({
      action: 'REFRESH_SESSION',
      fetchResponse: response.clone(),
      requestInit,
      url: AuthHttpRequest.refreshTokenUrl,
      userContext: {},
    });
    if ((await getLocalSessionState(false)).status === 'NOT_EXISTS') return;
    AuthHttpRequest.config.onHandleEvent({ action: 'REFRESH_SESSION', userContext: {} });
  } catch (error) {
    // Too late to change the answer: the server refreshed the session, its cookies are set.
    console.error('ssr-session-flow: saving the refreshed session failed', error);
  }
}

/** The refresh call's headers, as the SDK sets them before its `preAPIHook`. */
async function refreshHeaders(before: LocalSessionState): Promise<Headers> {
  const headers = new Headers();
  if (before.status === 'EXISTS') {
    const antiCsrf = await AntiCsrfToken.getToken(before.lastAccessTokenUpdate);
    if (antiCsrf !== undefined) headers.set('anti-csrf', antiCsrf);
  }
  headers.set('rid', AuthHttpRequest.rid);
  headers.set('fdi-version', SUPPORTED_FDI.join(','));
  headers.set('st-auth-mode', AuthHttpRequest.config.tokenTransferMethod);
  // Header-based sessions send the refresh token itself; cookie-based ones have none stored here.
  const refreshToken = await getTokenForHeaderAuth('refresh');
  if (refreshToken !== undefined) headers.set('Authorization', `Bearer ${refreshToken}`);
  return headers;
}

/** supertokens-website's `saveTokensFromHeaders`, with the front token decided by the caller. */
async function saveTokens(response: Response, frontToken: string | null): Promise<void> {
  const refreshToken = response.headers.get('st-refresh-token');
  if (refreshToken !== null) await setToken('refresh', refreshToken);
  const accessToken = response.headers.get('st-access-token');
  if (accessToken !== null) await setToken('access', accessToken);
  if (frontToken !== null) {
    await FrontToken.setItem(frontToken);
    updateClockSkewUsingFrontToken({ frontToken, responseHeaders: response.headers });
  }
  const antiCsrf = response.headers.get('anti-csrf');
  if (antiCsrf !== null) {
    const state = await getLocalSessionState(false);
    if (state.status === 'EXISTS') await AntiCsrfToken.setItem(state.lastAccessTokenUpdate, antiCsrf);
  }
}

/** Once the lock is held: another tab (or request) refreshed or signed in while this one waited. */
function changedSince(before: LocalSessionState, now: LocalSessionState): boolean {
  return (now.status !== before.status && now.status === 'EXISTS') || timestampChanged(before, now);
}

function timestampChanged(before: LocalSessionState, now: LocalSessionState): boolean {
  return now.status === 'EXISTS' && before.status === 'EXISTS' && now.lastAccessTokenUpdate !== before.lastAccessTokenUpdate;
}

function commonJsDefault<Module extends { default: unknown }>(namespace: Module): Module['default'] {
  const value: unknown = namespace.default;
  const isWholeModule = typeof value === 'object' && value !== null && (value as { __esModule?: unknown }).__esModule === true;
  return (isWholeModule ? (value as Module).default : value) as Module['default'];
}
