import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // ESM-only packages: next/jest turns this list into Jest transform exceptions too.
  transpilePackages: ['jose', '@statelyai/inspect'],
};

export default nextConfig;
