/**
 * Resolves `target` against `origin` and returns it as a path (with query and hash) when it stays
 * on that origin, else `null`. The URL parser decides, not string rules: `//evil.com`,
 * `/\evil.com`, `https:evil.com` and `javascript:` all resolve elsewhere and are refused.
 *
 * The parser is not the last word, though: a same-origin URL can still have a path that starts
 * with `//` (`/.//evil.com` and `/a/..//evil.com` resolve to the path `//evil.com`), and whoever
 * receives that path as a redirect target reads it as another host. So the leading slashes of
 * the result are folded into one: the result always starts with exactly one `/`.
 */
export function toSameOriginPath(target: string, origin: string): string | null {
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(origin);
    resolved = new URL(target, base);
  } catch {
    return null;
  }
  if (resolved.origin !== base.origin) return null;
  const pathname = resolved.pathname.replace(/^[/\\]+/, '/');
  return `${pathname}${resolved.search}${resolved.hash}`;
}
