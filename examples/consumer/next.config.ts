import type { NextConfig } from 'next';

const config: NextConfig = {
  // This app lives inside the kit's repository: keep Next from treating the repository as its root.
  turbopack: { root: __dirname },
  // The kit's tests build it twice (Turbopack and webpack), each into its own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default config;
