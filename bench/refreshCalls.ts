import type { Request } from '@playwright/test';
import { REFRESH_PATH } from '../e2e/support/requestLog';

/** Refresh calls of every tab in the context, and the refresh token each sent (its cookie). */
/** What the watch reads of a Playwright browser context: its requests, from every tab. */
export interface RequestSource {
  on(event: 'request', listener: (request: Pick<Request, 'method' | 'url' | 'allHeaders'>) => void): unknown;
}

export function watchRefreshes(context: RequestSource) {
  const tokens: Array<Promise<string>> = [];
  context.on('request', (request) => {
    if (request.method() !== 'POST' || new URL(request.url()).pathname !== REFRESH_PATH) return;
    // `allHeaders`: the cookie header is not among `headers()`.
    const token = request.allHeaders().then((headers) => /(?:^|;\s*)sRefreshToken=([^;]*)/.exec(headers.cookie ?? '')?.[1] ?? '(none)');
    // A request sent as the context closes never gets its headers read, and no one asks for its
    // token; `tokensSince` still rejects with the error for one it asks about.
    token.catch(() => undefined);
    tokens.push(token);
  });
  return { calls: () => tokens.length, tokensSince: (mark: number) => Promise.all(tokens.slice(mark)) };
}
