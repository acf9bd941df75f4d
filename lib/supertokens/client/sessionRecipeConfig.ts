import { publishSessionEventsToOtherTabs, type SessionRecipeEvent } from './sessionEventPublisher';
import { createWebLocksLockFactory, type RefreshLock } from './webLocksLockFactory';

/** What `shouldDoInterceptionBasedOnUrl` needs of the Session recipe's functions. */
interface InterceptionDecider {
  shouldDoInterceptionBasedOnUrl(url: string, apiDomain: string, sessionTokenBackendDomain: string | undefined): boolean;
}

/** The Session recipe options this kit completes; methods, so the SDKs' own narrower types are accepted. */
export interface SessionRecipeOptionsLike {
  onHandleEvent?(event: never): void;
  lockFactory?: () => Promise<RefreshLock>;
  override?: { functions?(original: never, builder: never): unknown };
}

export interface SessionRecipeConfig {
  onHandleEvent: (event: SessionRecipeEvent) => void;
  lockFactory: (() => Promise<RefreshLock>) | undefined;
  override: { functions: <Functions extends InterceptionDecider>(original: Functions, builder: OverrideBuilder) => Functions };
}

/**
 * `Session.init(sessionRecipeConfig())`, in supertokens-auth-react or supertokens-website (the same
 * options in both, wherever a page initialises the recipe): the app's own options, plus what the
 * session flow relies on.
 * - Other tabs hear of sign-in, sign-out and refresh at once (after the app's own `onHandleEvent`).
 * - The refresh lock is the Web Locks API unless the app brings its own (or `lockFactory: undefined`
 *   for the SDK's): uncontended it is granted at once, where the SDK's default polls localStorage
 *   (docs/decisions/005). Without Web Locks the SDK keeps its default.
 * - Next's own requests (`/_next/…`: server props, chunks) are left alone by the SDK's fetch
 *   interceptor: they carry the cookies anyway, and an expired session comes back in them as a
 *   verdict, never a 401.
 */
export function sessionRecipeConfig<Options extends object = object>(
  options: Options & SessionRecipeOptionsLike = {} as Options,
): Omit<Options, keyof SessionRecipeConfig> & SessionRecipeConfig {
  const publish = publishSessionEventsToOtherTabs();
  const appEventHandler = options.onHandleEvent as ((event: SessionRecipeEvent) => void) | undefined;
  const appFunctions = options.override?.functions as (<F>(original: F, builder?: unknown) => F) | undefined;
  return {
    ...options,
    onHandleEvent: (event) => {
      appEventHandler?.(event);
      publish(event);
    },
    // `lockFactory: undefined`, given on purpose, keeps the SDK's own lock.
    lockFactory: 'lockFactory' in options ? options.lockFactory : createWebLocksLockFactory(),
    override: {
      ...options.override,
      // The app's override as a layer of its own (a copy of the recipe object cannot be called through).
      functions: (original, builder) => {
        if (appFunctions) builder.override(appFunctions as never);
        return leaveNextRequestsAlone(original);
      },
    },
  };
}

/** supertokens-js-override's builder, which the SDKs pass to `override.functions`. */
export interface OverrideBuilder {
  override(layer: never): unknown;
}

function leaveNextRequestsAlone<Functions extends InterceptionDecider>(original: Functions): Functions {
  return {
    ...original,
    shouldDoInterceptionBasedOnUrl: (url: string, apiDomain: string, sessionTokenBackendDomain: string | undefined) =>
      !new URL(url, window.location.href).pathname.startsWith('/_next/') &&
      original.shouldDoInterceptionBasedOnUrl(url, apiDomain, sessionTokenBackendDomain),
  };
}
