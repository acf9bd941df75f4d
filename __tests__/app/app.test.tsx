import { act, fireEvent, screen } from '@testing-library/react';
import { createFakeSessionFlowWorld } from '../../lib/testing/fakePorts';
import { pagePropsFor, SAMPLE_VERDICTS } from '../../lib/testing/sessionFlowTestModel';
import type { LoadingScreenProps } from 'ssr-session-flow/pages-router/client';
import { liveRegionText, loadingRegion, pageText, ProtectedStub, renderApp, worldHolder } from './renderApp';

jest.mock('../../lib/core/browserPorts', () => ({
  createBrowserPorts: () => jest.requireActual<typeof import('./renderApp')>('./renderApp').currentWorldPorts(),
}));

const okProps = pagePropsFor(SAMPLE_VERDICTS.ok);
const expiredProps = pagePropsFor(SAMPLE_VERDICTS.expired);

describe.each([
  ['under StrictMode', true],
  ['without StrictMode', false],
])('_app, %s', (_mode, strict) => {
  let world: ReturnType<typeof createFakeSessionFlowWorld>;
  beforeEach(() => {
    jest.useFakeTimers();
    world = createFakeSessionFlowWorld({ url: 'http://localhost:3000/account?tab=keys#api' });
    worldHolder.current = world;
  });
  afterEach(() => jest.useRealTimers());

  it('renders the page at once, with no loading UI and no effect, when the server accepted the session', async () => {
    await renderApp(okProps, { strict });
    expect(pageText()).toBe('Content for user-1');
    expect(loadingRegion()).toBeNull();
    expect(world.session.refreshCalls).toBe(0);
  });

  it('passes public pages through untouched, with no refresh', async () => {
    await renderApp({ greeting: 'hi' }, { strict });
    await advance(1_000);
    expect(pageText()).toBe('Public content');
    expect(loadingRegion()).toBeNull();
    expect(world.session.refreshCalls).toBe(0);
  });

  it('starts exactly one refresh for an expired session, even when Strict Mode re-runs effects', async () => {
    await renderApp(expiredProps, { strict });
    expect(world.session.refreshCalls).toBe(1);
    expect(pageText()).toBeNull();
  });

  it('shows no loading UI when recovery finishes within the show delay', async () => {
    const app = await renderApp(expiredProps, { strict });
    await advance(150);
    expect(liveRegionText()).toBe('');
    expect(loadingRegion()).not.toHaveAttribute('data-session-flow-state');
    await settle(() => world.session.answerRefresh('refreshed'));
    await app.showPageProps(okProps);
    expect(pageText()).toBe('Content for user-1');
    await advance(1_000);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows the accessible spinner after the show delay and keeps it while it would only flash', async () => {
    const app = await renderApp(expiredProps, { strict });
    await advance(200);
    expect(loadingRegion()).toHaveAttribute('data-session-flow-state', 'refreshing');
    expect(screen.getByRole('status')).toHaveTextContent('Refreshing your session…');
    await settle(() => world.session.answerRefresh('refreshed'));
    await app.showPageProps(okProps);
    await advance(149);
    expect(pageText()).toBeNull();
    await advance(1);
    expect(pageText()).toBe('Content for user-1');
  });

  it('re-checks without remounting when client-side navigation brings a new verdict', async () => {
    const app = await renderApp(okProps, { strict });
    const actorsAfterFirstRender = worldHolder.actorsCreated;
    await app.showPageProps(pagePropsFor(SAMPLE_VERDICTS.expired));
    expect(world.session.refreshCalls).toBe(1);
    await settle(() => world.session.answerRefresh('refreshed'));
    expect(world.router.softReloads).toBe(1);
    // The very same verdict again must still be delivered (the `key={Date.now()}` bug).
    await app.showPageProps(pagePropsFor(SAMPLE_VERDICTS.expired));
    expect(world.session.refreshCalls).toBe(2);
    await app.showPageProps(okProps);
    expect(pageText()).toBe('Content for user-1');
    expect(worldHolder.actorsCreated).toBe(actorsAfterFirstRender);
  });

  it('hands the custom loading UI the state, attempt count and reason', async () => {
    const seen: LoadingScreenProps['status'][] = [];
    const Page = Object.assign((props: object) => <ProtectedStub {...props} />, {
      renderSessionLoading: ({ status }: LoadingScreenProps) => {
        seen.push(status);
        return <p data-testid="custom">{`${status.state}:${status.attempt}/${status.maxAttempts}:${status.reason}`}</p>;
      },
    });
    const app = await renderApp(expiredProps, { strict, Component: Page });
    await advance(200);
    expect(screen.getByTestId('custom')).toHaveTextContent('refreshing:0/2:expired');
    await settle(() => world.session.answerRefresh('refreshed'));
    expect(screen.getByTestId('custom')).toHaveTextContent('reloading:1/2:expired');
    await app.showPageProps(pagePropsFor(SAMPLE_VERDICTS.expired));
    await settle(() => world.session.failRefresh('network'));
    expect(screen.getByTestId('custom')).toHaveTextContent('offline:1/2:network');
    expect(seen.length).toBeGreaterThan(0);
  });

  it('keeps the loop budget across a document reload and stops in stuck with its message', async () => {
    world.recoveryAttempts.write(2);
    await renderApp(expiredProps, { strict });
    await advance(200);
    expect(world.session.refreshCalls).toBe(0);
    expect(loadingRegion()).toHaveAttribute('data-session-flow-state', 'stuck');
    expect(liveRegionText()).toMatch(/server still does not accept it/);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(world.session.refreshCalls).toBe(1);
  });

  it('retries an offline refresh when the browser comes back online, without redirecting', async () => {
    await renderApp(expiredProps, { strict });
    await settle(() => world.session.failRefresh('network'));
    await advance(200);
    expect(liveRegionText()).toMatch(/offline/);
    await settle(() => window.dispatchEvent(new Event('online')));
    expect(world.session.refreshCalls).toBe(2);
    expect(world.router.redirects).toEqual([]);
  });

  it('scrolls to the URL’s anchor once the page replaces the loading UI', async () => {
    window.history.replaceState(null, '', '/account?tab=keys#api');
    const scrolledTo: string[] = [];
    // jsdom lays nothing out and has no scrollIntoView: record the calls instead.
    Object.defineProperty(Element.prototype, 'scrollIntoView', {
      configurable: true,
      value(this: Element) {
        scrolledTo.push(this.id);
      },
    });
    const Page = (props: object) => (
      <div>
        <ProtectedStub {...props} />
        <section id="api">API keys</section>
      </div>
    );
    const app = await renderApp(expiredProps, { strict, Component: Page });
    await advance(200);
    await settle(() => world.session.answerRefresh('refreshed'));
    await app.showPageProps(okProps);
    expect(scrolledTo).toEqual([]);
    await advance(500);
    expect(pageText()).toBe('Content for user-1');
    expect(scrolledTo).toEqual(['api']);
    window.history.replaceState(null, '', '/');
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });

  it('ends a recovery when a public page is shown: no timer left, no refresh, no redirect', async () => {
    const app = await renderApp(expiredProps, { strict });
    await settle(() => world.session.failRefresh('network'));
    await app.showPageProps({});
    expect(world.clock.pendingTimers()).toBe(0);
    await settle(() => window.dispatchEvent(new Event('online')));
    world.clock.advance(60_000);
    expect(world.session.refreshCalls).toBe(1);
    expect(world.router.redirects).toEqual([]);
    expect(pageText()).toBe('Public content');
  });

  it('leaves protected content for sign-in when another tab signs out, and ignores it on a public page', async () => {
    const app = await renderApp(okProps, { strict });
    await settle(() => world.otherTabs.announce('signed-out'));
    expect(world.router.redirects).toEqual(['/account?tab=keys#api']);
    await app.showPageProps({});
    await settle(() => world.otherTabs.announce('signed-out'));
    expect(world.router.redirects).toHaveLength(1);
  });

  it('redirects with path, query and hash as the way back when the session is gone', async () => {
    await renderApp(expiredProps, { strict });
    await settle(() => world.session.answerRefresh('session-gone'));
    expect(world.router.redirects).toEqual(['/account?tab=keys#api']);
  });
});

async function advance(ms: number) {
  await act(async () => {
    jest.advanceTimersByTime(ms);
  });
}

async function settle(effect: () => void) {
  await act(async () => {
    effect();
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
}
