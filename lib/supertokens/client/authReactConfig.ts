import { markAuthReactConfigured } from './authReactSetUp';
import { toSafeReturnUrl, type RedirectGuardOptions } from './returnPath';

/** The part of supertokens-auth-react's redirection context the guard reads. */
export interface RedirectionContext {
  action: string;
  redirectToPath?: string;
}

/**
 * The part of `SuperTokens.init`'s config (supertokens-auth-react) this kit completes. Methods, not
 * function properties, so that the SDK's own, narrower context types are accepted.
 */
export interface AuthReactConfigLike {
  appInfo: object;
  getRedirectionURL?(context: RedirectionContext, userContext: never): Promise<string | undefined | null>;
}

/** What `authReactConfig` puts in the config: every SDK context and user context is accepted. */
export interface GuardedRedirection {
  getRedirectionURL(context: RedirectionContext, userContext: unknown): Promise<string | undefined | null>;
}

export interface AuthReactConfigOptions extends RedirectGuardOptions {
  /** Where a sign-in goes when its way back is refused or missing. `/` by default. */
  fallbackPath?: string;
}

/**
 * `SuperTokens.init(authReactConfig({ appInfo, recipeList: [...] }))`: supertokens-auth-react's
 * config, made safe to copy. After sign-in the prebuilt UI follows `redirectToPath` from the URL,
 * which anyone can write into a link; auth-react's own string rules let some spellings through to
 * another host (`/\evil.com` becomes `//evil.com`). Here every sign-in lands on this site (or an
 * origin listed in `allowedRedirectOrigins`), whatever the app's own `getRedirectionURL` or the
 * SDK's default chose; every other redirect is left as the app and the SDK make it.
 */
export function authReactConfig<Config extends AuthReactConfigLike>(
  config: Config,
  options: AuthReactConfigOptions = {},
): Omit<Config, 'getRedirectionURL'> & GuardedRedirection {
  if (typeof window !== 'undefined') markAuthReactConfigured();
  const fallbackPath = options.fallbackPath ?? '/';
  const appRedirectionUrl = config.getRedirectionURL?.bind(config);
  const getRedirectionURL = async (context: RedirectionContext, userContext: unknown): Promise<string | undefined | null> => {
    const chosen = appRedirectionUrl ? await appRedirectionUrl(context, userContext as never) : undefined;
    if (context.action !== 'SUCCESS' || chosen === null) return chosen;
    const target = chosen ?? context.redirectToPath ?? fallbackPath;
    return toSafeReturnUrl(target, window.location.origin, options) ?? fallbackPath;
  };
  return { ...config, getRedirectionURL };
}
