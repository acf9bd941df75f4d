import { join } from 'node:path';
import { attributeFirstLoad, firstLoadBytes } from '../scripts/bundleAttribution';
import { BARE_APP_DIR, BARE_APP_PAGE, PROTECTED_PAGE, SIGN_IN_PAGE } from '../scripts/checkClientBundle';
import { round } from './stats';

export interface PackageWeight {
  owner: string;
  /** Gzipped kB in the protected page's first load, and in the bare app's. */
  protectedKb: number;
  bareKb: number;
}

export interface FirstLoadResult {
  page: string;
  protectedKb: number;
  bareKb: number;
  signInKb: number;
  packages: PackageWeight[];
}

const kB = (bytes: number) => round(bytes / 1000, 1);

/**
 * Gzipped first-load JavaScript of a protected page of the app and of the bare pages-router app
 * (bench/fixtures/bare-pages-app: the same page, no auth), both built in this run with source
 * maps, attributed per package.
 */
export function measureFirstLoad(appDistDir: string, bareDistDir: string): FirstLoadResult {
  const bareDir = join(BARE_APP_DIR, bareDistDir);
  const ours = attributeFirstLoad(appDistDir, PROTECTED_PAGE);
  const bare = attributeFirstLoad(bareDir, BARE_APP_PAGE);
  const owners = [...new Set([...ours.keys(), ...bare.keys()])];
  return {
    page: PROTECTED_PAGE,
    protectedKb: kB(firstLoadBytes(appDistDir, PROTECTED_PAGE)),
    bareKb: kB(firstLoadBytes(bareDir, BARE_APP_PAGE)),
    signInKb: kB(firstLoadBytes(appDistDir, SIGN_IN_PAGE)),
    packages: owners
      .map((owner) => ({ owner, protectedKb: kB(ours.get(owner) ?? 0), bareKb: kB(bare.get(owner) ?? 0) }))
      .filter((weight) => weight.protectedKb >= 0.1 || weight.bareKb >= 0.1),
  };
}
