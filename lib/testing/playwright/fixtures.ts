import { test as base } from '@playwright/test';
import type { SessionFlowAppPaths } from './appPaths';
import { connectSessionCore, sessionCoreUrl, type SessionCoreClient } from './sessionCore';
import { signUpTestUser, type TestUser } from './testUser';

export interface SessionFlowTestOptions {
  /** The app's SuperTokens paths (`test.use({ sessionFlowApp: { apiBasePath: '/api/auth' } })`), for `testUser`. */
  sessionFlowApp: SessionFlowAppPaths;
}

export interface SessionFlowWorkerOptions {
  /** The core the app uses. Default: SUPERTOKENS_CONNECTION_URI, else `http://127.0.0.1:3567` (sessionCoreWebServer's). */
  sessionCoreUrl: string;
  /** The core's API key, when it has one. */
  sessionCoreApiKey: string | undefined;
}

export interface SessionFlowTestFixtures {
  /** A new user signed up through the app's API before the test, from `page` on the sign-in page (where it is left): the browser holds the session. */
  testUser: TestUser;
}

export interface SessionFlowWorkerFixtures {
  /** The core the app uses, checked to answer, for what a test asks of it directly (revoking sessions). */
  sessionCore: SessionCoreClient;
}

/**
 * Playwright's `test` with the session-flow fixtures. Use it as is, or combine it with the app's
 * own with `mergeTests(test, appTest)`.
 */
export const test = base.extend<SessionFlowTestOptions & SessionFlowTestFixtures, SessionFlowWorkerOptions & SessionFlowWorkerFixtures>({
  sessionFlowApp: [{}, { option: true }],
  sessionCoreUrl: [process.env.SUPERTOKENS_CONNECTION_URI?.split(';')[0] || sessionCoreUrl(), { option: true, scope: 'worker' }],
  sessionCoreApiKey: [process.env.SUPERTOKENS_API_KEY || undefined, { option: true, scope: 'worker' }],
  sessionCore: [
    async ({ sessionCoreUrl: url, sessionCoreApiKey }, use) => {
      await use(await connectSessionCore(url, sessionCoreApiKey));
    },
    { scope: 'worker' },
  ],
  testUser: async ({ page, baseURL, sessionFlowApp }, use) => {
    if (!baseURL) throw new Error('testUser needs the app’s origin: set use.baseURL in playwright.config (e.g. http://localhost:3000).');
    await use(await signUpTestUser(page, baseURL, sessionFlowApp));
  },
});

export { expect } from '@playwright/test';
