import type { NextPageContext } from 'next';
// What a browser bundle gets for `ssr-session-flow/server` (the "browser" export condition).
import { withSessionInitialProps } from '../../lib/pages-router/server/browser';

/** In the browser, getInitialProps cannot run supertokens-node: it asks the verdict API. */
describe('withSessionInitialProps in the browser', () => {
  const ctx = { pathname: '/activity', query: {}, AppTree: () => null } as unknown as NextPageContext;

  it('asks the verdict API with the cookies and merges the handler props', async () => {
    const fetchSpy = jest.spyOn(window, 'fetch').mockResolvedValue(json({ verdict: { status: 'ok', userId: 'u-1' } }));
    const props = await withSessionInitialProps(async (_ctx, session) => ({ who: session.userId }))(ctx);
    expect(props).toEqual({ who: 'u-1', sessionVerdict: { status: 'ok', userId: 'u-1' } });
    expect(fetchSpy).toHaveBeenCalledWith('/api/session-verdict', expect.objectContaining({ credentials: 'same-origin' }));
  });

  it('returns the needs-refresh props without running the handler', async () => {
    jest.spyOn(window, 'fetch').mockResolvedValue(json({ verdict: { status: 'needs-refresh', reason: 'expired' } }));
    const handler = jest.fn();
    await expect(withSessionInitialProps(handler, { endpoint: '/custom' })(ctx)).resolves.toEqual({
      sessionVerdict: { status: 'needs-refresh', reason: 'expired' },
      fromSupertokens: 'needs-refresh',
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['a 500', new Response('oops', { status: 500 }), /answered 500/],
    ['an unexpected body', json({ verdict: { status: 'ok' } }), /unexpected body/],
  ])('fails the navigation with a clear error on %s, rather than guessing a verdict', async (_name, response, message) => {
    jest.spyOn(window, 'fetch').mockResolvedValue(response);
    await expect(withSessionInitialProps(async () => ({}))(ctx)).rejects.toThrow(message);
  });
});

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
}
