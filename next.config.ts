import type { NextConfig } from 'next';
import kitEntries from './scripts/kitEntries.cjs';

/**
 * The demo imports the kit by its package name, as any app does. Here each entry resolves to its
 * source; a browser bundle gets the entry's browser build where it has one (the "browser" export
 * condition of the published package).
 */
const kitAliases = Object.fromEntries(
  Object.entries(kitEntries as Record<string, { source: string; browser?: string }>).map(([name, { source, browser }]) => [
    name,
    browser ? { browser, default: source } : source,
  ]),
);

/** A refresh lock on Web Locks leaves SuperTokens' default lock out of the browser bundle (config/unusedBrowserTabsLock.ts). */
const lockAliases: Record<string, { browser: string }> =
  process.env.NEXT_PUBLIC_SESSION_REFRESH_LOCK === 'supertokens' ? {} : { 'browser-tabs-lock': { browser: './config/unusedBrowserTabsLock.ts' } };

/**
 * React 18+ has `useSyncExternalStore`: @xstate/react's shim of it for React 17 need not ship
 * (config/reactSyncExternalStore.ts), and its selector helper is the unshimmed one.
 */
const reactSyncExternalStoreAliases = {
  'use-sync-external-store/shim': { browser: './config/reactSyncExternalStore.ts' },
  'use-sync-external-store/shim/with-selector': { browser: 'use-sync-external-store/with-selector' },
};

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // NEXT_SKIP_TYPECHECK=1: the e2e suite's further builds of the source its first build has just
  // type-checked (e2e/prepare.ts); checking it four times more is CPU that CI's two cores need.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === '1' },
  turbopack: { resolveAlias: { ...kitAliases, ...lockAliases, ...reactSyncExternalStoreAliases } },
  // The e2e and benchmark builds use their own folder (ports and flags are inlined at build time).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // BUNDLE_SOURCE_MAPS=1: source maps for the bundle attribution (scripts/checkClientBundle.ts),
  // in the bench's own builds only; the shipped build publishes none.
  productionBrowserSourceMaps: process.env.BUNDLE_SOURCE_MAPS === '1',
  // NEXT_CACHE_COMPONENTS=1: App Router routes kept alive under React's <Activity> once visited
  // (Next 16's cacheComponents), which the e2e specs check the session flow survives.
  cacheComponents: process.env.NEXT_CACHE_COMPONENTS === '1',
  // NEXT_OUTPUT=standalone: a self-contained server for the Docker image (docs/decisions/012).
  // Off otherwise, because `next start`, which the tests and `npm start` use, warns about it.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // ESM-only packages: next/jest turns this list into Jest transform exceptions too.
  transpilePackages: ['jose', '@statelyai/inspect'],
  // One supertokens-node for the whole server: bundled, the App Router's server components would
  // get a copy of their own that the init in instrumentation.ts never reached.
  serverExternalPackages: ['supertokens-node'],
  // Build-time switches, always defined so each is inlined as a constant even when unset: the
  // code they leave out is then dropped from the bundle, not shipped behind a runtime check (an
  // undefined NEXT_PUBLIC_* stays a read of a bundled `process` polyfill).
  env: {
    // Without email verification, none of the recipe's client code (config/frontendConfig.ts).
    NEXT_PUBLIC_EMAIL_VERIFICATION: process.env.NEXT_PUBLIC_EMAIL_VERIFICATION ?? '',
    // The e2e builds' state trace (lib/core/sessionFlowTrace.ts).
    NEXT_PUBLIC_SESSION_FLOW_TRACE: process.env.NEXT_PUBLIC_SESSION_FLOW_TRACE ?? '',
    // SuperTokens' own refresh lock instead of Web Locks (config/sessionConfig.ts).
    NEXT_PUBLIC_SESSION_REFRESH_LOCK: process.env.NEXT_PUBLIC_SESSION_REFRESH_LOCK ?? '',
    // The lean refresh instead of SuperTokens' public one (config/sessionConfig.ts; a bench variant).
    NEXT_PUBLIC_SESSION_REFRESH: process.env.NEXT_PUBLIC_SESSION_REFRESH ?? '',
  },
};

export default nextConfig;
