/**
 * `ssr-session-flow/supertokens`: SuperTokens' browser SDKs set up the way the session flow needs
 * them, safe as copied: `SuperTokens.init(authReactConfig({ appInfo, recipeList: [EmailPassword.init(),
 * Session.init(sessionRecipeConfig())] }))`.
 */
export { authReactConfig, type AuthReactConfigLike, type AuthReactConfigOptions, type GuardedRedirection, type RedirectionContext } from './authReactConfig';
export { sessionRecipeConfig, type SessionRecipeConfig, type SessionRecipeOptionsLike } from './sessionRecipeConfig';
export { toSafeReturnUrl, type RedirectGuardOptions } from './returnPath';
