/**
 * `ssr-session-flow/testing/playwright`: browser tests of an app's own pages when a session
 * expires, a refresh fails or another tab signs out, against the embedded core
 * (`ssr-session-flow-embedded-core`) or a real one. Needs `@playwright/test` (an optional peer).
 */
export { test, expect } from './fixtures';
export type { SessionFlowTestOptions, SessionFlowWorkerOptions, SessionFlowTestFixtures, SessionFlowWorkerFixtures } from './fixtures';
export { sessionCoreWebServer, sessionCoreUrl, connectSessionCore, DEFAULT_CORE_PORT, DEFAULT_TEST_ACCESS_TOKEN_VALIDITY } from './sessionCore';
export type { SessionCoreWebServerOptions, SessionCoreClient, WebServerEntry } from './sessionCore';
export { signUpTestUser } from './testUser';
export type { TestUser, SignUpTestUserOptions } from './testUser';
export { expireAccessToken, waitForAccessTokenExpiry, accessTokenExpiresAt } from './accessTokenExpiry';
export type { AccessTokenExpiryOptions } from './accessTokenExpiry';
export { failRefresh } from './refreshFaults';
export type { FailRefreshOptions, RefreshFault, NetworkFailure } from './refreshFaults';
export { signOutInAnotherTab } from './otherTab';
export type { SignOutInAnotherTabOptions } from './otherTab';
export { addStaleDuplicateCookie } from './staleCookie';
export type { StaleDuplicateCookieOptions } from './staleCookie';
export { expectRecoveredWithoutDocumentLoad, expectOnSignIn, expectNoProtectedContentAfterSignOut } from './sessionAssertions';
export type { RecoveryExpectation, SignInExpectation, SignedOutExpectation } from './sessionAssertions';
export { setTabVisibility, tabVisibilityScript } from './tabVisibility';
export { clickWhenHydrated } from './hydration';
export type { SessionFlowAppPaths } from './appPaths';
