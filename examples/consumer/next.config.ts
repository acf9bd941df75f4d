import type { NextConfig } from 'next';

const config: NextConfig = {
  // One supertokens-node for the whole server: bundled, the App Router's server components would
  // get a copy of their own that the init in instrumentation.ts never reached.
  serverExternalPackages: ['supertokens-node'],
  // This app lives inside the kit's repository: keep Next from treating the repository as its root.
  turbopack: { root: __dirname },
  // The kit's tests build it several times (Turbopack and webpack), each into its own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default config;
