import OverrideableBuilder from 'supertokens-js-override';
import { crossTabSessionEvents } from 'ssr-session-flow/core';
import { sessionRecipeConfig } from 'ssr-session-flow/supertokens/client';

describe('sessionRecipeConfig: the Session recipe set up for the session flow', () => {
  it('tells the other tabs of a sign-out, after the app’s own event handler', () => {
    const heard: string[] = [];
    const published = jest.spyOn(crossTabSessionEvents(), 'publish').mockImplementation((event) => void heard.push(`tabs:${event}`));
    try {
      const config = sessionRecipeConfig({ onHandleEvent: (event: { action: string }) => void heard.push(`app:${event.action}`) });
      config.onHandleEvent({ action: 'SIGN_OUT' });
    } finally {
      published.mockRestore();
    }
    expect(heard).toEqual(['app:SIGN_OUT', 'tabs:signed-out']);
  });

  it('uses Web Locks for the refresh lock unless the app brings its own, or asks for the SDK’s with undefined', () => {
    const own = async () => ({ acquireLock: async () => true, releaseLock: async () => {} });
    expect(sessionRecipeConfig({ lockFactory: own }).lockFactory).toBe(own);
    expect(sessionRecipeConfig({ lockFactory: undefined }).lockFactory).toBeUndefined();
    const locks = { query: jest.fn(async () => ({})), request: jest.fn() };
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    try {
      expect(sessionRecipeConfig().lockFactory).toEqual(expect.any(Function));
    } finally {
      Reflect.deleteProperty(navigator, 'locks');
    }
    expect(sessionRecipeConfig().lockFactory).toBeUndefined();
  });

  it('runs the app’s own function overrides, then leaves Next’s requests out of the fetch interceptor', () => {
    const intercepted = jest.fn((_url: string, _apiDomain: string, _backendDomain: string | undefined) => true);
    const appOverride = jest.fn(<F>(original: F) => ({ ...original, marked: () => true }));
    // As supertokens-website builds its recipe object: the SDK's override builder over its functions.
    const functions = new OverrideableBuilder<RecipeFunctions>({ shouldDoInterceptionBasedOnUrl: intercepted, marked: () => false })
      .override(sessionRecipeConfig({ override: { functions: appOverride } }).override.functions)
      .build();
    expect(appOverride).toHaveBeenCalledTimes(1);
    expect(functions.marked()).toBe(true);
    expect(functions.shouldDoInterceptionBasedOnUrl('/_next/data/b/account.json', 'http://localhost', undefined)).toBe(false);
    expect(functions.shouldDoInterceptionBasedOnUrl('/api/orders', 'http://localhost', undefined)).toBe(true);
  });

  it('calls the app’s override through the recipe object, as the SDK requires, even when it copies the functions', () => {
    const intercepted = jest.fn((_url: string, _apiDomain: string, _backendDomain: string | undefined) => true);
    // The SuperTokens docs' pattern: spread the original, replace one function.
    const appOverride = <F extends { shouldDoInterceptionBasedOnUrl: typeof intercepted }>(original: F) => ({
      ...original,
      shouldDoInterceptionBasedOnUrl: (url: string, apiDomain: string, backendDomain: string | undefined) =>
        !url.includes('/public/') && original.shouldDoInterceptionBasedOnUrl(url, apiDomain, backendDomain),
    });
    const functions = new OverrideableBuilder<RecipeFunctions>({ shouldDoInterceptionBasedOnUrl: intercepted, marked: () => false })
      .override(sessionRecipeConfig({ override: { functions: appOverride } }).override.functions)
      .build();

    expect(functions.shouldDoInterceptionBasedOnUrl('/api/orders', 'http://localhost', undefined)).toBe(true);
    expect(functions.shouldDoInterceptionBasedOnUrl('/api/public/prices', 'http://localhost', undefined)).toBe(false);
    expect(functions.shouldDoInterceptionBasedOnUrl('/_next/data/b/account.json', 'http://localhost', undefined)).toBe(false);
  });

  it('keeps the app’s other options', () => {
    expect(sessionRecipeConfig({ sessionExpiredStatusCode: 440 })).toMatchObject({ sessionExpiredStatusCode: 440 });
  });
});

/** The part of the SDK's recipe functions these tests build on. */
type RecipeFunctions = {
  shouldDoInterceptionBasedOnUrl(url: string, apiDomain: string, backendDomain: string | undefined): boolean;
  marked(): boolean;
};
