// The kit's entry points and the source each resolves to in this repository (the published
// package resolves them to dist/ through package.json `exports`). One list for Next, Jest and the
// build; tsconfig.json's `paths` repeat it for the type-checker, and a test keeps them equal.
// `browser` is what a browser bundle gets instead (the "browser" export condition).
module.exports = {
  'ssr-session-flow/machine': { source: './machines/index.ts' },
  'ssr-session-flow/core': { source: './lib/core/index.ts' },
  'ssr-session-flow/supertokens/client': { source: './lib/supertokens/client/index.ts' },
  'ssr-session-flow/supertokens/server': { source: './lib/supertokens/server/index.ts' },
  'ssr-session-flow/pages-router/client': { source: './lib/pages-router/client/index.ts' },
  'ssr-session-flow/pages-router/server': { source: './lib/pages-router/server/index.ts', browser: './lib/pages-router/server/browser.ts' },
  'ssr-session-flow/app-router/client': { source: './lib/app-router/client/index.ts' },
  'ssr-session-flow/app-router/server': { source: './lib/app-router/server/index.ts' },
  'ssr-session-flow/testing': { source: './lib/testing/index.ts' },
  'ssr-session-flow/testing/playwright': { source: './lib/testing/playwright/index.ts' },
  'ssr-session-flow/inspect': { source: './lib/inspect/index.ts' },
  // The 0.3 entries, deprecated: removed in 0.5.
  'ssr-session-flow/client': { source: './lib/deprecated/client/index.ts' },
  'ssr-session-flow/server': { source: './lib/deprecated/server/index.ts', browser: './lib/deprecated/server/browser.ts' },
};
