import OverrideableBuilder from 'supertokens-js-override';
import type { RecipeInterface } from 'supertokens-website';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureSessionRecipe, refreshLockFactory, routedWindowHandler, sessionRecipeOptions, signInPageUrl } from '../../config/sessionConfig';

describe('the Session recipe every page runs on', () => {
  const interceptedByDefault = jest.fn(() => true);
  // As supertokens-website builds its recipe object: the SDK's override builder over its functions.
  const recipe = new OverrideableBuilder({ shouldDoInterceptionBasedOnUrl: interceptedByDefault } as unknown as RecipeInterface)
    .override(sessionRecipeOptions().override.functions)
    .build();

  it.each([
    ['/_next/data/build-1/account.json', false],
    ['http://localhost/_next/static/chunks/app.js', false],
    ['/api/auth/session/refresh', true],
    ['http://localhost/api/orders', true],
  ])("leaves Next's own requests to Next: intercepts %s: %s", (url, intercepted) => {
    expect(recipe.shouldDoInterceptionBasedOnUrl(url, 'http://localhost', undefined)).toBe(intercepted);
  });

  it('keeps the SDK’s answer for every other request', () => {
    interceptedByDefault.mockReturnValueOnce(false);
    expect(recipe.shouldDoInterceptionBasedOnUrl('https://elsewhere.example/api', 'http://localhost', undefined)).toBe(false);
  });

  // Runs first: no `_app` has handed its router over yet in this module's life.
  it('loads the document from an App Router page, where no pages router was handed over', () => {
    const original = { location: { setHref: jest.fn() } } as unknown as Parameters<typeof routedWindowHandler>[0];
    routedWindowHandler(original).location.setHref('/auth?show=signin');
    expect(original.location.setHref).toHaveBeenCalledWith('/auth?show=signin');
  });

  it('makes SuperTokens navigate with the pages router `_app` hands over, whichever SDK a document initialised first', () => {
    const router = { push: jest.fn(async () => true) };
    const original = { location: { setHref: jest.fn() } } as unknown as Parameters<typeof routedWindowHandler>[0];
    ensureSessionRecipe(router);
    routedWindowHandler(original).location.setHref('/account');
    expect(router.push).toHaveBeenCalledWith('/account');
    expect(original.location.setHref).not.toHaveBeenCalled();
  });

  it('knows the sign-in page, for the sign-out button', () => {
    expect(signInPageUrl()).toBe('/auth?show=signin');
    expect(signInPageUrl('/account')).toBe('/auth?show=signin&redirectToPath=%2Faccount');
  });
});

describe('the refresh lock', () => {
  const fakeLocks = { query: jest.fn(async () => ({})), request: jest.fn() } as unknown as LockManager;

  it('is the Web Locks API where the browser has it', async () => {
    const factory = refreshLockFactory(fakeLocks);
    const lock = await factory?.();
    expect(lock).toEqual({ acquireLock: expect.any(Function), releaseLock: expect.any(Function) });
    expect(lock?.constructor.name).not.toBe('SuperTokensLock');
  });

  it('is SuperTokens’ own (browser-tabs-lock), loaded when needed, where the browser lacks Web Locks', async () => {
    const factory = refreshLockFactory(undefined);
    const lock = await factory?.();
    expect(lock?.constructor.name).toBe('SuperTokensLock');
    expect(await lock?.acquireLock('ssf-test', 100)).toBe(true);
    await lock?.releaseLock('ssf-test');
  });

  it('is left to the SDK with NEXT_PUBLIC_SESSION_REFRESH_LOCK=supertokens', () => {
    const before = process.env.NEXT_PUBLIC_SESSION_REFRESH_LOCK;
    process.env.NEXT_PUBLIC_SESSION_REFRESH_LOCK = 'supertokens';
    try {
      expect(refreshLockFactory(fakeLocks)).toBeUndefined();
    } finally {
      process.env.NEXT_PUBLIC_SESSION_REFRESH_LOCK = before;
    }
  });

  it('may leave browser-tabs-lock out of Web Locks builds: supertokens-website uses it only for its default lock', () => {
    // If this fails, an SDK update uses the lock elsewhere: drop the alias in next.config.ts.
    const build = join(process.cwd(), 'node_modules', 'supertokens-website', 'lib', 'build');
    const users = filesUnder(build)
      .filter((file) => file.endsWith('.js') && readFileSync(file, 'utf8').includes('browser-tabs-lock'))
      .map((file) => relative(build, file));
    expect(users).toEqual([join('utils', 'lockFactory', 'index.js')]);
    const lockFactory = readFileSync(join(build, 'utils', 'lockFactory', 'index.js'), 'utf8');
    expect(lockFactory).toMatch(/lockFactory !== null && lockFactory !== void 0 \? lockFactory : defaultFactory\(/);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
