import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { test as base, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { APP_ORIGIN, PROFILES_DIR } from '../e2eEnv';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { installLoadingShellWatch } from './loadingShellWatch';
import { recordRequests, type RequestLog } from './requestLog';
import { tabVisibilityScript } from 'ssr-session-flow/testing/playwright';

export interface E2EOptions {
  /**
   * Playwright turns Chromium's back/forward cache off by default (`--disable-back-forward-cache`);
   * `test.use({ backForwardCache: true })` keeps it on, as every user's browser has it.
   */
  backForwardCache: boolean;
  /**
   * Tabs report `hidden` unless a spec asks for visible ones (`test.use({ visibleTabs: true })`).
   * A visible tab refreshes ahead of expiry, and with the specs' 3-second tokens it would do so in
   * the middle of every spec (real ones live an hour); a spec of recovery needs a token that
   * expires under an open page, as it does under a tab the user left. Specs of the refresh ahead
   * and of waking tabs show theirs (`setTabVisibility`).
   */
  visibleTabs: boolean;
}

export interface E2EFixtures {
  /** The first tab of this spec's own browser profile. */
  page: Page;
  /** Every request of every tab of this spec, classified (documents, data, refresh calls). */
  requests: RequestLog;
}

/**
 * Each spec gets its own Chromium with a fresh profile directory (`launchPersistentContext`, the
 * launch verified in shared/stack.md), so cookies, storage and the session-flow trace never leak
 * from one spec into another, whatever the order. On failure, every tab's screenshot and a
 * Playwright trace land in test-results/e2e/<spec>/.
 */
export const test = base.extend<E2EFixtures & E2EOptions>({
  backForwardCache: [false, { option: true }],
  visibleTabs: [false, { option: true }],
  context: async ({ playwright, backForwardCache, visibleTabs }, use, testInfo) => {
    await mkdir(PROFILES_DIR, { recursive: true });
    const profileDir = await mkdtemp(path.join(PROFILES_DIR, 'profile-'));
    const context = await playwright.chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      baseURL: APP_ORIGIN,
      ignoreDefaultArgs: backForwardCache ? ['--disable-back-forward-cache'] : undefined,
    });
    try {
      await context.tracing.start({ screenshots: true, snapshots: true });
      await installLoadingShellWatch(context);
      // Every document reports a hidden tab, from before its first script on (see `visibleTabs`).
      if (!visibleTabs) await context.addInitScript(tabVisibilityScript('hidden', { announce: false }));
      await use(context);
      await keepFailureArtifacts(context, testInfo);
    } finally {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    }
  },
  requests: async ({ context }, use) => {
    await use(recordRequests(context));
  },
  page: async ({ context, requests }, use) => {
    // `requests` is listed so it records from the first request of the first tab on.
    void requests;
    await use(context.pages()[0] ?? (await context.newPage()));
  },
});

async function keepFailureArtifacts(context: BrowserContext, testInfo: TestInfo): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) {
    await context.tracing.stop();
    return;
  }
  const pages = context.pages();
  for (const [index, page] of pages.entries()) {
    const file = testInfo.outputPath(`tab-${index + 1}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    await testInfo.attach(`tab ${index + 1}`, { path: file, contentType: 'image/png' }).catch(() => undefined);
  }
  const trace = testInfo.outputPath('trace.zip');
  await context.tracing.stop({ path: trace });
  await testInfo.attach('trace', { path: trace, contentType: 'application/zip' });
}

export { expect } from '@playwright/test';
