import type { NextConfig } from 'next';

// This app lives inside the kit's repository: keep Next from treating the repository as its root.
const config: NextConfig = { turbopack: { root: __dirname } };

export default config;
