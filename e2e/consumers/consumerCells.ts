import { tmpdir } from 'node:os';
import path from 'node:path';
import { APP_PORT, CORE_PORT } from '../e2eEnv';

export type Bundler = 'turbopack' | 'webpack';

/** One build of a consumer app: its bundler, and the port its origin is inlined for. */
export interface ConsumerBuild {
  bundler: Bundler;
  /** Extra `next build` arguments (`--webpack` on Next 16, where Turbopack is the default). */
  buildArgs: readonly string[];
  port: number;
  corePort: number;
}

/**
 * An app made from examples/consumer as a team on some versions would make it: the example's
 * files, the cell's dependency versions, the packed kit installed from its tarball.
 */
export interface ConsumerCell {
  id: string;
  title: string;
  /** Exact versions, laid over the example's package.json. */
  dependencies: Readonly<Record<string, string>>;
  devDependencies?: Readonly<Record<string, string>>;
  /** Which of the example's parts this cell keeps: `app/` is left out where only `pages` is. */
  routers: ReadonlyArray<'pages' | 'app'>;
  /** Files that replace or add to the example's (e.g. Next 14's `next.config.js`), and ones to leave out. */
  files?: Readonly<Record<string, string | null>>;
  builds: readonly ConsumerBuild[];
}

/** Where a cell's app is made: outside the repository, so nothing resolves from its node_modules. */
export const CONSUMERS_DIR = path.join(tmpdir(), `ssr-session-flow-consumers-${APP_PORT}`);

export function cellDir(cell: ConsumerCell): string {
  return path.join(CONSUMERS_DIR, cell.id);
}

export function distDirOf(build: ConsumerBuild): string {
  return `.next-${build.bundler}`;
}

export function originOf(build: ConsumerBuild): string {
  return `http://localhost:${build.port}`;
}

/** Consumer apps use ports from +50 up (two per cell: app and core), away from the other specs'. */
function buildOn(offset: number, bundler: Bundler, buildArgs: readonly string[] = []): ConsumerBuild {
  return { bundler, buildArgs, port: APP_PORT + 50 + offset, corePort: CORE_PORT + 50 + offset };
}

/**
 * examples/consumer as it is written (the versions this repository pins), built with Next 16's
 * Turbopack and with webpack (`next build --webpack`, what Next 14 and 15 use by default and any
 * Next 16 app with a custom webpack config): the README tells teams to copy it.
 */
export const EXAMPLE_CELL: ConsumerCell = {
  id: 'example',
  title: 'examples/consumer as written',
  dependencies: {},
  routers: ['pages', 'app'],
  builds: [buildOn(0, 'turbopack'), buildOn(1, 'webpack', ['--webpack'])],
};

/**
 * Next 14 reads no `next.config.ts`, runs `instrumentation.ts` only when asked, and names its
 * list of server packages differently (the README says so).
 */
const NEXT_14_CONFIG = `/** Next 14: \`next.config.js\` (it reads no .ts), the instrumentation hook asked for by name. */
module.exports = {
  experimental: { instrumentationHook: true, serverComponentsExternalPackages: ['supertokens-node'] },
  distDir: process.env.NEXT_DIST_DIR || '.next',
};
`;

/**
 * The compatibility matrix (\`npm run test:matrix\`): the packed kit in apps at the ends of the
 * peer ranges the package declares, each as a team on those versions would make it from the
 * example. Together they hold the lowest and newest version of every peer.
 */
export const MATRIX_CELLS: readonly ConsumerCell[] = [
  {
    id: 'next14-react18',
    title: 'Next 14.2 + React 18.2, the oldest SDKs (both routers)',
    dependencies: {
      next: '14.2.35',
      react: '18.2.0',
      'react-dom': '18.2.0',
      xstate: '5.20.0',
      '@xstate/react': '6.0.0',
      'supertokens-node': '21.0.0',
      'supertokens-website': '19.0.0',
      'supertokens-auth-react': '0.39.1',
      'supertokens-web-js': '0.10.1',
    },
    devDependencies: { typescript: '5.9.3', '@types/react': '18.3.32', '@types/react-dom': '18.3.7' },
    routers: ['pages', 'app'],
    files: { 'next.config.ts': null, 'next.config.js': NEXT_14_CONFIG },
    builds: [buildOn(2, 'webpack')],
  },
  {
    id: 'next15-react19',
    title: 'Next 15.5 + React 19.0 (both routers)',
    dependencies: {
      next: '15.5.29',
      react: '19.0.0',
      'react-dom': '19.0.0',
      xstate: '5.28.0',
      '@xstate/react': '6.0.0',
      'supertokens-node': '22.1.1',
      'supertokens-website': '20.0.1',
      'supertokens-auth-react': '0.47.1',
    },
    devDependencies: { '@types/react': '19.0.14' },
    routers: ['pages', 'app'],
    builds: [buildOn(3, 'webpack')],
  },
  {
    id: 'next16-current',
    title: 'Next 16.5 + React 19.3, the newest SDKs (both routers)',
    dependencies: { next: '16.5.0' },
    routers: ['pages', 'app'],
    // Turbopack, Next 16's default. Webpack on Next 16 is the example's (EXAMPLE_CELL, in npm
    // test), on 14 and 15 the cells above: a third webpack build here cost CI half a minute.
    builds: [buildOn(4, 'turbopack')],
  },
];
