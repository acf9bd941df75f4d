/** Moved to the kit's Playwright fixtures, which the specs use as any app's tests would. */
export { clickWhenHydrated } from 'ssr-session-flow/testing/playwright';
