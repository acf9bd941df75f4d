// jest.config.js, not .ts: a TypeScript config would need ts-node.
const nextJest = require('next/jest');

const kitEntries = require('./scripts/kitEntries.cjs');

const createJestConfig = nextJest({ dir: './' });

/** `ssr-session-flow/<entry>` → its source, as tsconfig.json's `paths` say for the type-checker. */
const kitModuleNameMapper = Object.fromEntries(
  Object.entries(kitEntries).map(([name, { source }]) => [`^${name}$`, `<rootDir>/${source.slice(2)}`]),
);

/**
 * The embedded core by its package name, as the repository's code imports it (tsconfig.json's
 * `paths` too). Next's SWC transform rewrites that import to the folder (`../../embedded-core`),
 * which would resolve through its package.json to `dist/`: a build that another step of npm test
 * may be writing, or one left from older source. Both spellings go to the source.
 */
const embeddedCoreMapper = {
  '^ssr-session-flow-embedded-core$': '<rootDir>/embedded-core/index.ts',
  '^(?:\\.\\./)+embedded-core$': '<rootDir>/embedded-core/index.ts',
};

/**
 * SUPERTOKENS_WEBSITE_DIR=<a supertokens-website folder>: the suites run against that release
 * instead of the repository's (the compatibility matrix runs the lean refresh's contract so).
 */
const websiteDir = process.env.SUPERTOKENS_WEBSITE_DIR;
const websiteMapper = websiteDir ? { '^supertokens-website$': websiteDir, '^supertokens-website/(.*)$': `${websiteDir}/$1` } : {};

/** @type {import('jest').Config} */
const config = {
  // npm test runs Jest beside the browser tests' builds (scripts/test.ts): on two busy cores a
  // model-based suite's path can take longer than Jest's 5 s default. A deadline, not a timing check.
  testTimeout: 30_000,
  testEnvironment: '<rootDir>/__tests__/support/jsdomEnvironment.js',
  setupFilesAfterEnv: ['<rootDir>/__tests__/support/setupTests.ts'],
  testMatch: ['<rootDir>/__tests__/**/*.test.ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '/.next/'],
  // Builds and packs that npm test makes beside Jest (scripts/test.ts): never crawled.
  modulePathIgnorePatterns: ['<rootDir>/\\.next', '<rootDir>/dist/', '<rootDir>/embedded-core/dist/', '<rootDir>/test-results/'],
  moduleNameMapper: { ...kitModuleNameMapper, ...embeddedCoreMapper, ...websiteMapper },
};

module.exports = createJestConfig(config);
