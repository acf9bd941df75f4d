import { act, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { SessionBoundary } from 'ssr-session-flow/pages-router/client';
import { createFakeSessionFlowWorld } from '../../lib/testing/fakePorts';
import { pagePropsFor, SAMPLE_VERDICTS } from '../../lib/testing/sessionFlowTestModel';

/** The actor behind `SessionBoundary`: started once per mount of `_app`, stopped once it unmounts. */
describe('the session flow’s actor', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('refreshes once under StrictMode, whose extra unmount and mount must not start the flow again', async () => {
    const world = createFakeSessionFlowWorld({ url: 'http://localhost:3000/account' });
    render(
      <StrictMode>
        <SessionBoundary pageProps={pagePropsFor(SAMPLE_VERDICTS.expired)} ports={world.ports}>
          <p>the page</p>
        </SessionBoundary>
      </StrictMode>,
    );
    await act(async () => {
      jest.advanceTimersByTime(10);
    });
    expect(world.session.refreshCalls).toBe(1);

    await act(async () => {
      world.session.answerRefresh('refreshed');
      await Promise.resolve();
    });
    expect(world.router.softReloads).toBe(1);
  });

  it('stops when the gate unmounts: a refresh answered later changes nothing', async () => {
    const world = createFakeSessionFlowWorld({ url: 'http://localhost:3000/account' });
    const { unmount } = render(
      <SessionBoundary pageProps={pagePropsFor(SAMPLE_VERDICTS.expired)} ports={world.ports}>
        <p>the page</p>
      </SessionBoundary>,
    );
    expect(world.session.refreshCalls).toBe(1);
    unmount();
    await act(async () => {
      jest.advanceTimersByTime(10);
      world.session.answerRefresh('refreshed');
      await Promise.resolve();
    });
    expect(world.router.softReloads).toBe(0);
    expect(world.router.documentReloads).toBe(0);
  });

  it('shows the page once the server accepted it, under StrictMode too', () => {
    const world = createFakeSessionFlowWorld();
    render(
      <StrictMode>
        <SessionBoundary pageProps={pagePropsFor(SAMPLE_VERDICTS.ok)} ports={world.ports}>
          <p>the page</p>
        </SessionBoundary>
      </StrictMode>,
    );
    expect(screen.getByText('the page')).toBeInTheDocument();
    expect(world.session.refreshCalls).toBe(0);
  });
});
