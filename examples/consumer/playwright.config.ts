import { defineConfig } from '@playwright/test';
import { sessionCoreUrl, sessionCoreWebServer } from 'ssr-session-flow/testing/playwright';

// Build first with the origin the browser will use: NEXT_PUBLIC_ORIGIN=http://localhost:3000 npm run build
const port = Number(process.env.PORT || 3000);
const corePort = Number(process.env.CORE_PORT || 3567);
const origin = `http://localhost:${port}`;

export default defineConfig({
  testDir: './e2e',
  // Every test waits for a real token expiry (3 s): one browser at a time keeps those waits honest.
  workers: 1,
  use: {
    baseURL: origin,
    // A browser of your own (CHROMIUM_PATH=/usr/bin/chromium), or the one `npx playwright install chromium` fetched.
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || undefined },
  },
  webServer: [
    // The embedded core first (no Docker, no Java), with 3-second access tokens.
    sessionCoreWebServer({ port: corePort, accessTokenValidity: 3 }),
    {
      command: `npx next start -p ${port}`,
      url: `${origin}/auth`,
      env: { SUPERTOKENS_CONNECTION_URI: sessionCoreUrl(corePort) },
      reuseExistingServer: !process.env.CI,
    },
  ],
});
