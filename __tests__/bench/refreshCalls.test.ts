import type { Request } from '@playwright/test';
import { watchRefreshes, type RequestSource } from '../../bench/refreshCalls';

type WatchedRequest = Pick<Request, 'method' | 'url' | 'allHeaders'>;

function fakeContext() {
  let listener: ((request: WatchedRequest) => void) | undefined;
  const context: RequestSource = {
    on: (_event, next) => {
      listener = next;
    },
  };
  const send = (url: string, allHeaders: () => Promise<Record<string, string>>, method = 'POST') =>
    listener?.({ method: () => method, url: () => url, allHeaders });
  return { context, send };
}

const closed = () => Promise.reject(new Error('request.allHeaders: Target page, context or browser has been closed'));

describe('watchRefreshes', () => {
  it('counts refresh calls and reads the refresh token each sent', async () => {
    const { context, send } = fakeContext();
    const refreshes = watchRefreshes(context);
    send('http://localhost:3300/api/auth/session/refresh', async () => ({ cookie: 'a=1; sRefreshToken=first' }));
    send('http://localhost:3300/api/auth/session/refresh', async () => ({ cookie: 'sRefreshToken=second' }), 'GET');
    send('http://localhost:3300/about', async () => ({ cookie: 'sRefreshToken=third' }));
    send('http://localhost:3300/api/auth/session/refresh', async () => ({}));
    expect(refreshes.calls()).toBe(2);
    await expect(refreshes.tokensSince(0)).resolves.toEqual(['first', '(none)']);
  });

  // CI's bench smoke died of this: a refresh sent as the context closed left a rejected promise no one awaited.
  it('leaves no unhandled rejection for a request whose headers can no longer be read', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { context, send } = fakeContext();
      const refreshes = watchRefreshes(context);
      send('http://localhost:3300/api/auth/session/refresh', async () => ({ cookie: 'sRefreshToken=first' }));
      send('http://localhost:3300/api/auth/session/refresh', closed);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      await expect(refreshes.tokensSince(0)).rejects.toThrow('has been closed');
      await expect(refreshes.tokensSince(0).catch(() => refreshes.tokensSince(2))).resolves.toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
