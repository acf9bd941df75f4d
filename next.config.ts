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

const nextConfig: NextConfig = {
  reactStrictMode: true,
  turbopack: { resolveAlias: kitAliases },
  // The e2e and benchmark builds use their own folder (ports and flags are inlined at build time).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // BUNDLE_SOURCE_MAPS=1: source maps for the bundle attribution (scripts/checkClientBundle.ts),
  // in the bench's own builds only; the shipped build publishes none.
  productionBrowserSourceMaps: process.env.BUNDLE_SOURCE_MAPS === '1',
  // NEXT_OUTPUT=standalone: a self-contained server for the Docker image (docs/decisions/012).
  // Off otherwise, because `next start`, which the tests and `npm start` use, warns about it.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // ESM-only packages: next/jest turns this list into Jest transform exceptions too.
  transpilePackages: ['jose', '@statelyai/inspect'],
  env: {
    // Always defined, so it is inlined as a constant even when unset: a build without email
    // verification then drops the recipe's client code entirely (config/frontendConfig.ts).
    NEXT_PUBLIC_EMAIL_VERIFICATION: process.env.NEXT_PUBLIC_EMAIL_VERIFICATION ?? '',
  },
};

export default nextConfig;
