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
  builds: [buildOn(0, 'turbopack'), buildOn(1, 'webpack', ['--webpack'])],
};
