import { join } from 'node:path';
import { attributeFiles, filesBytes, firstLoadFiles, readBuildManifest } from '../scripts/bundleAttribution';
import { BARE_APP_DIR, BARE_APP_PAGE, PROTECTED_PAGE, SIGN_IN_PAGE } from '../scripts/checkClientBundle';
import { appRouterFirstLoadFiles } from './appRouterFirstLoad';
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
  /** The pages router's sign-in page (the prebuilt UI), reported beside it. */
  signInKb?: number;
  packages: PackageWeight[];
}

/** A built page: its build folder and the chunks its document loads first. */
interface BuiltPage {
  distDir: string;
  files: string[];
}

export const BARE_APP_ROUTER_APP_DIR = join('bench', 'fixtures', 'bare-app-router-app');
/** The demo's App Router twin of `/account`, and the bare App Router app's copy of it. */
export const APP_ROUTER_PROTECTED_ROUTE = '/app-router/(protected)/account/page';
export const BARE_APP_ROUTER_ROUTE = '/app-router/account/page';

const kB = (bytes: number) => round(bytes / 1000, 1);

/**
 * Gzipped first-load JavaScript of a protected page of the app and of the bare pages-router app
 * (bench/fixtures/bare-pages-app: the same page, no auth), both built in this run with source
 * maps, attributed per package.
 */
export function measureFirstLoad(appDistDir: string, bareDistDir: string): FirstLoadResult {
  const pagesFiles = (distDir: string, page: string) => ({ distDir, files: firstLoadFiles(readBuildManifest(distDir), page) });
  return {
    ...compare(PROTECTED_PAGE, pagesFiles(appDistDir, PROTECTED_PAGE), pagesFiles(join(BARE_APP_DIR, bareDistDir), BARE_APP_PAGE)),
    signInKb: kB(filesBytes(appDistDir, pagesFiles(appDistDir, SIGN_IN_PAGE).files)),
  };
}

/** The same for the App Router: the demo's account page against bench/fixtures/bare-app-router-app's. */
export function measureAppRouterFirstLoad(appDistDir: string, bareDistDir: string): FirstLoadResult {
  const bareDir = join(BARE_APP_ROUTER_APP_DIR, bareDistDir);
  return compare(
    '/app-router/account',
    { distDir: appDistDir, files: appRouterFirstLoadFiles(appDistDir, APP_ROUTER_PROTECTED_ROUTE) },
    { distDir: bareDir, files: appRouterFirstLoadFiles(bareDir, BARE_APP_ROUTER_ROUTE) },
  );
}

function compare(page: string, ours: BuiltPage, bare: BuiltPage): Omit<FirstLoadResult, 'signInKb'> {
  const oursByOwner = attributeFiles(ours.distDir, ours.files);
  const bareByOwner = attributeFiles(bare.distDir, bare.files);
  const owners = [...new Set([...oursByOwner.keys(), ...bareByOwner.keys()])];
  return {
    page,
    protectedKb: kB(filesBytes(ours.distDir, ours.files)),
    bareKb: kB(filesBytes(bare.distDir, bare.files)),
    packages: owners
      .map((owner) => ({ owner, protectedKb: kB(oursByOwner.get(owner) ?? 0), bareKb: kB(bareByOwner.get(owner) ?? 0) }))
      .filter((weight) => weight.protectedKb >= 0.1 || weight.bareKb >= 0.1),
  };
}
