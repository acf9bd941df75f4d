import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';

/** The parts of a Next 16 build's manifests that name an App Router page's first-load chunks. */
interface RootManifest {
  rootMainFiles?: string[];
}

interface ClientReferenceManifest {
  /** Per segment on the route (root layout, nested layouts, the page, the global error): its chunks. */
  entryJSFiles?: Record<string, string[]>;
}

/**
 * The chunks an App Router page's document loads before it is interactive: the App Router's
 * framework chunks (`rootMainFiles` of build-manifest.json) and the client chunks of every segment
 * on its route (`entryJSFiles` of the page's client reference manifest). The served HTML's script
 * tags list the same files, and the `noModule` polyfills (`polyfillFiles`) that modern browsers skip
 * and the pages-router figure leaves out too. `route` is the app path with its groups, e.g. `/app-router/(protected)/account/page`.
 */
export function appRouterFirstLoadFiles(distDir: string, route: string): string[] {
  const root = JSON.parse(readFileSync(join(distDir, 'build-manifest.json'), 'utf8')) as RootManifest;
  const entry = readClientReferenceManifest(distDir, route);
  if (!entry.entryJSFiles) throw new Error(`${route}: its client reference manifest lists no entryJSFiles`);
  return [...new Set([...(root.rootMainFiles ?? []), ...Object.values(entry.entryJSFiles).flat()])];
}

/**
 * The manifest is a script that assigns to `globalThis.__RSC_MANIFEST[route]` (what the server
 * runs): run in a context of its own, it gives the object without parsing JavaScript by hand.
 */
export function readClientReferenceManifest(distDir: string, route: string): ClientReferenceManifest {
  const file = join(distDir, 'server', 'app', `${route.replace(/^\//, '')}_client-reference-manifest.js`);
  const context = createContext({}) as { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> };
  runInContext(readFileSync(file, 'utf8'), context, { filename: file, timeout: 1_000 });
  const entry = context.__RSC_MANIFEST?.[route];
  if (!entry) throw new Error(`${file} has no manifest for ${route}`);
  return entry;
}
