import { createHash, timingSafeEqual } from 'node:crypto';
import { SUPPORTED_CDI_VERSIONS } from './cdiVersions';
import { effectiveConfigOf } from './domain/apps';
import { CoreHttpError } from './errors';
import type { CoreRequest } from './http';
import type { RouteContext } from './router';

/** `api-key` header, or `Authorization: Bearer <key>` (or a bare key), as the core reads it. */
function apiKeyOf(headers: CoreRequest['headers']): string | undefined {
  const direct = headers['api-key'];
  if (direct !== undefined) return direct.trim();
  const authorization = headers.authorization;
  if (authorization === undefined) return undefined;
  return authorization.toLowerCase().startsWith('bearer ') ? authorization.slice(7).trim() : authorization.trim();
}

function sameSecret(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** An unknown app has no keys to enforce; its handler then answers 400, as in the core. */
export function checkApiKey(ctx: RouteContext): void {
  const app = ctx.store.data.apps.get(ctx.appId);
  if (!app) return;
  const keys = effectiveConfigOf(ctx.baseConfig, app).apiKeys;
  if (keys === null) return;
  const given = apiKeyOf(ctx.request.headers);
  if (given === undefined || !keys.some((key) => sameSecret(key, given))) {
    throw new CoreHttpError(401, 'Invalid API key');
  }
}

export function checkCdiVersion(version: string | undefined): void {
  if (version === undefined) return;
  if (!SUPPORTED_CDI_VERSIONS.includes(version.trim())) {
    throw new CoreHttpError(400, `cdi-version ${version.trim()} not supported`);
  }
}
