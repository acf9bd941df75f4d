/**
 * Whether Next may run this build with `cacheComponents`. The one place the kit reads Next's
 * private build setting: Next 15.5 and 16 write `cacheComponents` into the code they compile
 * (`process.env.__NEXT_CACHE_COMPONENTS`, replaced at build time by `true` or `false`). Where it is
 * not replaced (Next 14, code Next did not compile, a later Next that renames it) the answer
 * is "it may", the safe one: `SessionLayout` then keeps the `<Suspense>` that `cacheComponents`
 * needs, as it always did.
 */
export function mayUseCacheComponents(): boolean {
  // Written out in full: Next replaces this very expression, not a computed key.
  const setting: unknown = process.env.__NEXT_CACHE_COMPONENTS;
  return String(setting) !== 'false';
}
