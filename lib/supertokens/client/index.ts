/**
 * `ssr-session-flow/supertokens/client`: SuperTokens in the browser, for the session flow. Its
 * ports (refresh, sign-out, the sign-in redirect, the access token's expiry), and the SDKs set up
 * the way the flow needs them, safe as copied: `SuperTokens.init(authReactConfig({ appInfo,
 * recipeList: [EmailPassword.init(), Session.init(sessionRecipeConfig())] }))`.
 */
export { authReactConfig, type AuthReactConfigLike, type AuthReactConfigOptions, type GuardedRedirection, type RedirectionContext } from './authReactConfig';
export { sessionRecipeConfig, type SessionRecipeConfig, type SessionRecipeOptionsLike } from './sessionRecipeConfig';
export { toSafeReturnUrl, type RedirectGuardOptions } from './returnPath';
export { REFRESH_START_MARK, superTokensSessionPorts, type SuperTokensSessionPortsOptions } from './superTokensSessionPorts';
export type { RefreshEndpoint } from './refreshWithoutFrontToken';
export { classifyRefreshFailure } from './classifyRefreshFailure';
export { signOut } from './signOut';
export { SignOutNotConfirmedError } from './signOutNotConfirmedError';
export { SHARED_FAILED_CHECK_MS, shareSessionChecks, type SessionCheckEnvironment } from './shareSessionChecks';
export { watchSignInPageForSession, type SignInPageEnvironment, type WatchSignInPageOptions } from './watchSignInPageForSession';
export { publicRefresh, type RefreshStrategy } from './refreshStrategy';
export { leanRefresh, missingPrivateParts } from './leanRefresh';
export { publishSessionEventsToOtherTabs, type SessionRecipeEvent } from './sessionEventPublisher';
export { createWebLocksLockFactory, type RefreshLock } from './webLocksLockFactory';
export { accessTokenExpiryFromCookies, FRONT_TOKEN_COOKIE, readFrontToken } from './frontToken';
