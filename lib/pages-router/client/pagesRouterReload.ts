/** The part of the Next pages router (`next/router`) a soft reload uses. */
export interface PagesRouter {
  readonly asPath: string;
  replace(url: string, as?: string, options?: { scroll?: boolean; shallow?: boolean }): Promise<boolean>;
}

export interface PagesRouterReload {
  /** Resolves `true` once the props ran again and rendered, `false` when a newer navigation won. */
  reload(): Promise<boolean>;
  /** The hash taken off the address bar while a reload runs (`''` otherwise), so nobody loses it. */
  hashInFlight(): string;
}

/**
 * Runs the current page's server props again through the pages router (one `_next/data` request,
 * no document reload).
 *
 * `router.replace(router.asPath)` alone is not enough: when the URL has a hash, Next's router sees
 * a navigation to the URL it shows as a hash-only change (`onlyAHashChange`), re-renders the old
 * props and resolves `true` without fetching anything. So with a hash: take it off (a hash-only
 * change, no request), re-run the props for the URL without it, then put it back (another
 * hash-only change, which also scrolls to its anchor when the page is already on screen; when the
 * loading UI is still up, the gate scrolls once the page replaces it).
 */
export function createPagesRouterReload(router: PagesRouter): PagesRouterReload {
  let hashInFlight = '';
  const reload = async (): Promise<boolean> => {
    const asPath = router.asPath;
    const hashAt = asPath.indexOf('#');
    if (hashAt === -1 || hashAt === asPath.length - 1) return router.replace(asPath, undefined, { scroll: false });

    const withoutHash = asPath.slice(0, hashAt);
    hashInFlight = asPath.slice(hashAt);
    try {
      await router.replace(withoutHash, undefined, { scroll: false });
      let reloaded: boolean;
      try {
        reloaded = await router.replace(withoutHash, undefined, { scroll: false });
      } catch (error) {
        // Put the hash back first: the fallback reloads the document at whatever URL it shows.
        await router.replace(asPath, undefined, { scroll: false }).catch(() => false);
        throw error;
      }
      // Cancelled: a newer navigation owns the URL now, hash or not.
      if (!reloaded) return false;
      await router.replace(asPath, undefined, { scroll: true });
      return true;
    } finally {
      hashInFlight = '';
    }
  };
  return { reload, hashInFlight: () => hashInFlight };
}
