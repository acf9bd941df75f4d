// The kit's entry points and the source each resolves to in this repository (the published
// package resolves them to dist/ through package.json `exports`). One list for Next, Jest and the
// build; tsconfig.json's `paths` repeat it for the type-checker, and a test keeps them equal.
module.exports = {
  'ssr-session-flow/machine': { source: './machines/index.ts' },
  'ssr-session-flow/server': { source: './lib/server/index.ts', browser: './lib/server/browser.ts' },
  'ssr-session-flow/client': { source: './lib/client/index.ts' },
  'ssr-session-flow/supertokens': { source: './lib/supertokens/index.ts' },
  'ssr-session-flow/testing': { source: './lib/testing/index.ts' },
  'ssr-session-flow/inspect': { source: './lib/inspect/index.ts' },
  'ssr-session-flow/app-router/server': { source: './lib/app-router/server/index.ts' },
  'ssr-session-flow/app-router/client': { source: './lib/app-router/client/index.ts' },
};
