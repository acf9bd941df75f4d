import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // The e2e and benchmark builds use their own folder (ports and flags are inlined at build time).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // ESM-only packages: next/jest turns this list into Jest transform exceptions too.
  transpilePackages: ['jose', '@statelyai/inspect'],
};

export default nextConfig;
