import type { PagesRouter } from 'ssr-session-flow/pages-router/client';

export interface FakeNextRouter extends PagesRouter {
  asPath: string;
  push(url: string, as?: string, options?: { scroll?: boolean; shallow?: boolean }): Promise<boolean>;
  /**
   * The App Router's `router.refresh()`, as `useTrackedRefresh` sees it: the server components
   * run again for the URL shown (hash or not), and it resolves `true` once they rendered.
   */
  refresh(): Promise<boolean>;
  /** `true` while a navigation waits for its server props (Next runs one at a time). */
  hasPendingNavigation(): boolean;
  /** Where the waiting navigation goes, `null` when none waits. */
  pendingTarget(): string | null;
  /** The waiting navigation gets its props: `render` shows them (as Next re-renders `_app`), then it resolves `true`. */
  completeNavigation(render?: () => void | Promise<void>): Promise<void>;
  /**
   * Its `_next/data` request failed. Next then navigates the document there itself (resolving
   * `false`), but to the URL it already shows it throws its "hard navigate to the same URL" invariant.
   */
  failNavigation(): void;
  /** Document navigations Next started by itself. */
  hardNavigations: string[];
  /** Hashes the router scrolled to. */
  scrolledToHashes: string[];
}

interface InFlight {
  as: string;
  scroll: boolean;
  resolve(completed: boolean): void;
  reject(error: unknown): void;
}

/**
 * The pages router as `next/router` behaves (read from `shared/lib/router/router.js`, `change`),
 * no kinder: a navigation cancels the one in flight (which resolves `false`) before anything else;
 * a navigation to the URL shown, when that URL has a hash, is a hash-only change that re-renders
 * nothing and resolves `true` at once (`onlyAHashChange`); any other navigation waits for its
 * server props, and resolves only after the app rendered them.
 */
export function createFakeNextRouter(initialAsPath: string): FakeNextRouter {
  let inFlight: InFlight | null = null;

  const change = (url: string, as: string | undefined, options: { scroll?: boolean } = {}): Promise<boolean> => {
    const target = as ?? url;
    const scroll = options.scroll ?? true;
    if (inFlight) {
      inFlight.resolve(false);
      inFlight = null;
    }
    if (onlyAHashChange(router.asPath, target)) {
      router.asPath = target;
      if (scroll) router.scrolledToHashes.push(hashOf(target));
      return Promise.resolve(true);
    }
    return new Promise<boolean>((resolve, reject) => {
      inFlight = { as: target, scroll, resolve, reject };
    });
  };

  const take = (): InFlight => {
    const navigation = inFlight;
    if (!navigation) throw new Error('No navigation is waiting for its server props.');
    inFlight = null;
    return navigation;
  };

  const router: FakeNextRouter = {
    asPath: initialAsPath,
    hardNavigations: [],
    scrolledToHashes: [],
    replace: change,
    push: change,
    refresh() {
      if (inFlight) inFlight.resolve(false);
      return new Promise<boolean>((resolve, reject) => {
        inFlight = { as: router.asPath, scroll: false, resolve, reject };
      });
    },
    hasPendingNavigation: () => inFlight !== null,
    pendingTarget: () => inFlight?.as ?? null,
    async completeNavigation(render) {
      const navigation = take();
      router.asPath = navigation.as;
      await render?.();
      if (navigation.scroll && hashOf(navigation.as)) router.scrolledToHashes.push(hashOf(navigation.as));
      navigation.resolve(true);
    },
    failNavigation() {
      const navigation = take();
      if (navigation.as === router.asPath) {
        navigation.reject(new Error(`Invariant: attempted to hard navigate to the same URL ${navigation.as}`));
        return;
      }
      router.hardNavigations.push(navigation.as);
      navigation.resolve(false);
    },
  };
  return router;
}

/** Next's own rule, as written in its router. */
export function onlyAHashChange(currentAsPath: string, as: string): boolean {
  const [oldUrlNoHash, oldHash] = currentAsPath.split('#', 2);
  const [newUrlNoHash, newHash] = as.split('#', 2);
  if (newHash && oldUrlNoHash === newUrlNoHash && oldHash === newHash) return true;
  if (oldUrlNoHash !== newUrlNoHash) return false;
  return oldHash !== newHash;
}

function hashOf(asPath: string): string {
  const at = asPath.indexOf('#');
  return at === -1 ? '' : asPath.slice(at + 1);
}
