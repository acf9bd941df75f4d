/** @jest-environment node */
import type { Page, Route } from '@playwright/test';
import { failRefresh, type FailRefreshOptions } from '../../../lib/testing/playwright/refreshFaults';

describe('failRefresh', () => {
  it('answers every refresh with 503 when given nothing else, and lets other requests through', async () => {
    const browser = fakeBrowser();
    await failRefresh(browser.page);

    expect(await browser.send('POST', '/api/auth/session/refresh')).toEqual({ fulfilled: 503 });
    expect(await browser.send('GET', '/api/auth/session/refresh')).toEqual({ passed: true });
    expect(await browser.send('POST', '/api/auth/signout')).toEqual({ unrouted: true });
  });

  it('fails only the first `times` calls, on the app’s own apiBasePath', async () => {
    const browser = fakeBrowser();
    const fault = await failRefresh(browser.page, { status: 500, times: 2, apiBasePath: '/auth/' });

    const answers = [];
    for (let call = 0; call < 3; call += 1) answers.push(await browser.send('POST', '/auth/session/refresh'));

    expect(answers).toEqual([{ fulfilled: 500 }, { fulfilled: 500 }, { passed: true }]);
    expect([fault.caught(), fault.calls()]).toEqual([2, 3]);
  });

  it('fails as the network does with abort, and stops on restore()', async () => {
    const browser = fakeBrowser();
    const fault = await failRefresh(browser.page, { abort: true });

    expect(await browser.send('POST', '/api/auth/session/refresh')).toEqual({ aborted: 'internetdisconnected' });
    fault.restore();
    expect(await browser.send('POST', '/api/auth/session/refresh')).toEqual({ passed: true });
  });

  it('fails only within forMs of being set up', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000);
    try {
      const browser = fakeBrowser();
      await failRefresh(browser.page, { abort: 'connectionrefused', forMs: 500 });

      now.mockReturnValue(1_499);
      expect(await browser.send('POST', '/api/auth/session/refresh')).toEqual({ aborted: 'connectionrefused' });
      now.mockReturnValue(1_500);
      expect(await browser.send('POST', '/api/auth/session/refresh')).toEqual({ passed: true });
    } finally {
      now.mockRestore();
    }
  });

  it('with only delayMs, holds the refresh and then lets it through', async () => {
    jest.useFakeTimers();
    try {
      const browser = fakeBrowser();
      await failRefresh(browser.page, { delayMs: 2_000 });

      const answer = browser.send('POST', '/api/auth/session/refresh');
      await jest.advanceTimersByTimeAsync(1_999);
      expect(browser.settled()).toBe(0);
      await jest.advanceTimersByTimeAsync(1);

      expect(await answer).toEqual({ passed: true });
    } finally {
      jest.useRealTimers();
    }
  });

  it.each<[FailRefreshOptions, RegExp]>([
    [{ status: 503, abort: true }, /give `status` or `abort`, not both/],
    [{ status: 42 }, /status must be an HTTP status a response can have \(200-599\), got 42/],
    [{ status: 103 }, /\(200-599\), got 103/],
    [{ abort: 'offline' as never }, /abort must be true or one of internetdisconnected, .*, got "offline"/],
    [{ times: -1 }, /times must be a number >= 0, got -1/],
    [{ delayMs: Number.NaN }, /delayMs must be a number >= 0/],
  ])('refuses %j', async (options, message) => {
    await expect(failRefresh(fakeBrowser().page, options)).rejects.toThrow(message);
  });
});

type Outcome = { fulfilled: number } | { aborted: string } | { passed: true } | { unrouted: true };

/** A page whose `route` records the handler, and requests sent through it as Playwright would. */
function fakeBrowser() {
  let matcher: ((url: URL) => boolean) | undefined;
  let handler: ((route: Route) => Promise<unknown>) | undefined;
  let settled = 0;
  const page = {
    route: async (match: (url: URL) => boolean, handle: (route: Route) => Promise<unknown>) => {
      matcher = match;
      handler = handle;
    },
  } as unknown as Page;
  const send = async (method: string, path: string): Promise<Outcome> => {
    const url = new URL(path, 'http://localhost:3000');
    if (!matcher || !handler || !matcher(url)) return { unrouted: true };
    let outcome: Outcome | undefined;
    const route = {
      request: () => ({ method: () => method }),
      fulfill: async ({ status }: { status: number }) => void (outcome = { fulfilled: status }),
      abort: async (code: string) => void (outcome = { aborted: code }),
      fallback: async () => void (outcome = { passed: true }),
    } as unknown as Route;
    await handler(route);
    settled += 1;
    if (!outcome) throw new Error('the handler neither fulfilled, aborted nor passed the request on');
    return outcome;
  };
  return { page, send, settled: () => settled };
}
