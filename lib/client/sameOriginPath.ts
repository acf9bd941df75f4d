/**
 * Resolves `target` against `origin` and returns it as a path (with query and hash) when it stays
 * on that origin, else `null`. The URL parser decides, not string rules: `//evil.com`,
 * `/\evil.com`, `https:evil.com` and `javascript:` all resolve elsewhere and are refused.
 */
export function toSameOriginPath(target: string, origin: string): string | null {
  let resolved: URL;
  try {
    resolved = new URL(target, origin);
  } catch {
    return null;
  }
  if (resolved.origin !== new URL(origin).origin) return null;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
