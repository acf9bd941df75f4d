// ESLint (flat config): Next's rules (React, hooks, accessibility, imports, Core Web Vitals),
// typescript-eslint on every TypeScript file, jsx-a11y's recommended set. `npm run lint` allows
// no warning. eslint-plugin-xstate is not here: its latest release (3.2.1) supports ESLint 8 only.
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'embedded-core/dist/', '.next/', '.next-*/', 'test-results/', 'playwright-report/', 'coverage/', 'examples/*/node_modules/', 'examples/*/.next/', '**/next-env.d.ts', 'bench/fixtures/*/.next/', 'bench/fixtures/*/.next-*/'],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // The plugin comes with Next's config; its recommended set is stricter than Next's subset.
    files: ['**/*.{tsx,jsx}'],
    rules: jsxA11y.flatConfigs.recommended.rules,
  },
  {
    files: ['**/*.{ts,tsx,js,jsx,mjs,cjs}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['info', 'warn', 'error'] }],
    },
  },
  {
    // The kit is bundled by the apps that install it, with webpack or Turbopack, which disagree on
    // what a default import of a CommonJS file is (webpack: the whole module.exports).
    files: ['lib/**/*.{ts,tsx}', 'machines/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/^supertokens-/] > ImportDefaultSpecifier',
          message:
            "SuperTokens' SDKs are CommonJS: webpack hands a default import the whole module.exports, Turbopack its .default. Import names instead (`import { signOut } from 'supertokens-website'`).",
        },
      ],
    },
  },
  {
    // Tools and tests talk to whoever runs them.
    files: ['scripts/**', 'bench/**', 'e2e/**', 'embedded-core/cli.ts', 'embedded-core/build.ts', 'embedded-core/checkPackage.ts', 'package/**', '__tests__/**', 'examples/**/scripts/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Jest fixtures and Playwright fixtures call functions named `use…` that are not React hooks.
    files: ['__tests__/**/*.ts', 'e2e/**', 'lib/testing/playwright/**', 'examples/*/e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // CommonJS by design (Jest's config, its environment, what it shares with Next's).
    files: ['**/*.cjs', 'jest.config.js', '__tests__/support/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
