/**
 * Where the app under test keeps SuperTokens' routes: its `appInfo.apiBasePath` and
 * `appInfo.websiteBasePath`. The defaults are the kit's (`createAuthApiRoute` under
 * `pages/api/auth/[...path]`, the prebuilt UI on `/auth`).
 */
export interface SessionFlowAppPaths {
  /** `appInfo.apiBasePath`. Default `/api/auth`. */
  apiBasePath?: string;
  /** `appInfo.websiteBasePath`, where signed-out users are sent. Default `/auth`. */
  signInPath?: string;
}

export const DEFAULT_API_BASE_PATH = '/api/auth';
export const DEFAULT_SIGN_IN_PATH = '/auth';

/**
 * The sign-in page's query parameter for the way back (SuperTokens' own, and the kit's
 * `RETURN_TO_PARAM`; not imported from there: that entry brings React into the test runner).
 */
export const RETURN_TO_PARAM = 'redirectToPath';

/** SuperTokens' access token cookie (path `/`) and the front token the frontend SDK keeps beside it. */
export const ACCESS_TOKEN_COOKIE = 'sAccessToken';

export function refreshPathOf(paths: SessionFlowAppPaths = {}): string {
  return `${trimSlash(paths.apiBasePath ?? DEFAULT_API_BASE_PATH)}/session/refresh`;
}

export function apiPathOf(paths: SessionFlowAppPaths, endpoint: string): string {
  return `${trimSlash(paths.apiBasePath ?? DEFAULT_API_BASE_PATH)}/${endpoint}`;
}

export function signInPathOf(paths: SessionFlowAppPaths = {}): string {
  return trimSlash(paths.signInPath ?? DEFAULT_SIGN_IN_PATH) || '/';
}

function trimSlash(path: string): string {
  return path.endsWith('/') ? path.slice(0, -1) : path;
}
