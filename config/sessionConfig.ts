import type { NextRouter } from 'next/router';
import SessionRecipe, { type InputType } from 'supertokens-website';
import { RETURN_TO_PARAM, type SessionPorts } from 'ssr-session-flow/core';
import { createWebLocksLockFactory, leanRefresh, sessionRecipeConfig, superTokensSessionPorts } from 'ssr-session-flow/supertokens/client';
import { appInfo } from './appInfo';

/**
 * The Session recipe's options (the sign-in page adds its override: frontendConfig.ts): the
 * kit's (other tabs hear of sign-in, sign-out and refresh; Next's own requests left alone) with
 * this app's refresh lock.
 */
export function sessionRecipeOptions() {
  return sessionRecipeConfig({ lockFactory: refreshLockFactory() });
}

/**
 * The cross-tab lock around every refresh: the Web Locks API unless
 * NEXT_PUBLIC_SESSION_REFRESH_LOCK=supertokens asks for the SDK's own (browser-tabs-lock), an
 * escape hatch and a benchmark baseline. See docs/decisions/005. Where Web Locks are missing (an
 * old browser, a page served over plain http from another host) the SDK's lock again, loaded
 * then: builds on Web Locks leave it out of every page (config/unusedBrowserTabsLock.ts).
 */
export function refreshLockFactory(locks?: LockManager) {
  if (process.env.NEXT_PUBLIC_SESSION_REFRESH_LOCK === 'supertokens') return undefined;
  return createWebLocksLockFactory(locks) ?? loadBrowserTabsLock;
}

async function loadBrowserTabsLock() {
  // The file, not the package name, which these builds resolve to the stand-in.
  const { default: BrowserTabsLock } = await import('browser-tabs-lock/index.js');
  return new BrowserTabsLock();
}

type WindowHandler = NonNullable<InputType['windowHandler']>;

/**
 * The pages router of this document, handed over by `_app` (its `router` prop): App Router
 * documents have none. Given rather than imported, so App Router pages, which load this module
 * too, never load `next/router` (about 20 kB gzip of router, route loader and path matching).
 */
let pagesRouter: Pick<NextRouter, 'push'> | null = null;

/**
 * SuperTokens navigates (the prebuilt UI after sign-in, `redirectToAuth`) with the Next router
 * instead of full page loads. Given to both SDK set-ups: the SDKs keep the first window handler
 * they are given in a document, whichever of them that is.
 */
export const routedWindowHandler: WindowHandler = (original) => ({
  ...original,
  location: {
    ...original.location,
    setHref: (href: string) => navigate(href, (url) => original.location.setHref(url)),
  },
});

/**
 * Goes to a URL of this site with the pages router, from a page it rendered; from an App Router
 * page (no pages router there) by loading the document, as SuperTokens does by default.
 */
export function navigate(url: string, loadDocument: (url: string) => void = (target) => window.location.assign(target)): void {
  if (pagesRouter) void pagesRouter.push(url);
  else loadDocument(url);
}

let sessionRecipeReady = false;

/**
 * Every page runs on SuperTokens' Session recipe (supertokens-website: refresh, sign-out, the
 * fetch interceptor, the session events); only the sign-in page adds supertokens-auth-react and
 * its prebuilt UI (docs/decisions/014). supertokens-website is made to be initialised again, so
 * auth-react can still initialise it with the same options when the sign-in page loads later in
 * this document. Browser-only and idempotent. `_app` gives the pages router; App Router pages give
 * none, and SuperTokens loads documents there.
 */
export function ensureSessionRecipe(router?: Pick<NextRouter, 'push'>): void {
  if (typeof window === 'undefined') return;
  if (router) pagesRouter = router;
  if (sessionRecipeReady) return;
  SessionRecipe.init({
    apiDomain: appInfo.apiDomain,
    apiBasePath: appInfo.apiBasePath,
    windowHandler: routedWindowHandler,
    ...sessionRecipeOptions(),
  });
  sessionRecipeReady = true;
}

/** For frontendConfig.ts: auth-react has initialised the Session recipe itself. */
export function markSessionRecipeReady(): void {
  sessionRecipeReady = true;
}

/** `/auth?show=signin&redirectToPath=…`: what auth-react's `redirectToAuth` builds for the same call. */
export function signInPageUrl(returnTo?: string): string {
  const query = new URLSearchParams({ show: 'signin' });
  if (returnTo !== undefined) query.set(RETURN_TO_PARAM, returnTo);
  return `${appInfo.websiteBasePath}?${query.toString()}`;
}

/**
 * SuperTokens' side of the session flow: its public refresh, or the lean one on its private build
 * files with NEXT_PUBLIC_SESSION_REFRESH=lean, inlined at build time (a bench variant; the choice
 * and its numbers are in docs/decisions/017).
 */
export function sessionFlowSession(): SessionPorts {
  return superTokensSessionPorts({
    signInPath: appInfo.websiteBasePath,
    apiDomain: appInfo.apiDomain,
    apiBasePath: appInfo.apiBasePath,
    refresh: process.env.NEXT_PUBLIC_SESSION_REFRESH === 'lean' ? leanRefresh() : undefined,
  });
}
