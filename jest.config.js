// jest.config.js, not .ts: a TypeScript config would need ts-node.
const nextJest = require('next/jest');

const createJestConfig = nextJest({ dir: './' });

/** @type {import('jest').Config} */
const config = {
  testEnvironment: '<rootDir>/__tests__/support/jsdomEnvironment.js',
  setupFilesAfterEnv: ['<rootDir>/__tests__/support/setupTests.ts'],
  testMatch: ['<rootDir>/__tests__/**/*.test.ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '/.next/'],
};

module.exports = createJestConfig(config);
