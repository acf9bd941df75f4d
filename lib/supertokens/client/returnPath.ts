import { toSameOriginPath } from 'ssr-session-flow/core';

/** Where sign-in may send a user: this site's paths, and the origins the app lists. */
export interface RedirectGuardOptions {
  /** Other origins a sign-in may return to (`https://app.example.com`); none by default. */
  allowedRedirectOrigins?: readonly string[];
}

/**
 * The URL a sign-in returns to, safe to hand to `location`: a path on `origin` (leading slashes
 * folded), a URL on an allowed origin, or `null` when `target` leaves for anywhere else. The URL
 * parser decides, never string rules: what a browser resolves to another host is refused, however
 * it is spelt (`/\evil.com`, `/.//evil.com`, `/%09/evil.com`, a CR or LF inside).
 */
export function toSafeReturnUrl(target: string, origin: string, { allowedRedirectOrigins = [] }: RedirectGuardOptions = {}): string | null {
  const path = toSameOriginPath(target, origin);
  if (path !== null) return path;
  try {
    const resolved = new URL(target, origin);
    return allowedRedirectOrigins.some((allowed) => new URL(allowed).origin === resolved.origin) ? resolved.href : null;
  } catch {
    return null;
  }
}
