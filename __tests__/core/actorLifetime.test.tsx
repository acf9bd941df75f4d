import { act, render, screen } from '@testing-library/react';
import { useSelector } from '@xstate/react';
import { Activity, StrictMode, type ReactNode } from 'react';
import { SessionBoundary as AppRouterBoundary } from 'ssr-session-flow/app-router/client';
import { useSessionFlowActor } from 'ssr-session-flow/core';
import type { SessionVerdict } from 'ssr-session-flow/machine';
import { SessionBoundary as PagesRouterBoundary } from 'ssr-session-flow/pages-router/client';
import { createFakeSessionFlowWorld, pagePropsFor, SAMPLE_VERDICTS, type FakeSessionFlowWorld } from 'ssr-session-flow/testing';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn(), replace: jest.fn() }) }));

/**
 * The actor lives as React says: StrictMode mounts it twice, `<Activity>` hides and shows it (Next
 * 16 keeps visited routes alive that way with `cacheComponents`), and it keeps working through
 * all of it, in both routers' boundaries.
 */
const ADAPTERS = [
  {
    name: 'pages router',
    router: 'pages' as const,
    boundary: (world: FakeSessionFlowWorld, verdict: SessionVerdict, children: ReactNode) => (
      <PagesRouterBoundary pageProps={pagePropsFor(verdict)} ports={world.ports}>
        {children}
      </PagesRouterBoundary>
    ),
  },
  {
    name: 'App Router',
    router: 'app' as const,
    boundary: (world: FakeSessionFlowWorld, verdict: SessionVerdict, children: ReactNode) => (
      <AppRouterBoundary verdict={{ ...verdict }} ports={world.ports}>
        {children}
      </AppRouterBoundary>
    ),
  },
];

describe.each(ADAPTERS)('the session flow’s actor in the $name boundary', ({ router, boundary }) => {
  let world: FakeSessionFlowWorld;
  beforeEach(() => {
    jest.useFakeTimers();
    world = createFakeSessionFlowWorld({ url: 'http://localhost:3000/account', router });
  });
  afterEach(() => jest.useRealTimers());

  const page = <p data-testid="page">the page</p>;
  const inActivity = (mode: 'visible' | 'hidden', verdict: SessionVerdict) => <Activity mode={mode}>{boundary(world, verdict, page)}</Activity>;

  it('recovers after <Activity> hid and showed it: one refresh for an expired verdict that follows', async () => {
    const view = render(inActivity('visible', SAMPLE_VERDICTS.ok));
    await settle(() => view.rerender(inActivity('hidden', SAMPLE_VERDICTS.ok)));
    await settle(() => jest.advanceTimersByTime(60_000)); // the user is on another page a while
    await settle(() => view.rerender(inActivity('visible', SAMPLE_VERDICTS.ok)));

    await settle(() => view.rerender(inActivity('visible', SAMPLE_VERDICTS.expired)));

    expect(world.session.refreshCalls).toBe(1);
    await settle(() => world.session.answerRefresh('refreshed'));
    expect(world.router.softReloads).toBe(1);
    expect(screen.queryByText('Checking your session…')).toBeNull();
  });

  it('keeps a retry that came due while hidden, and retries once shown again', async () => {
    const view = render(inActivity('visible', SAMPLE_VERDICTS.expired));
    await settle(() => world.session.failRefresh('network'));
    await settle(() => view.rerender(inActivity('hidden', SAMPLE_VERDICTS.expired)));
    await settle(() => jest.advanceTimersByTime(5_000));
    expect(world.session.refreshCalls).toBe(1);

    await settle(() => view.rerender(inActivity('visible', SAMPLE_VERDICTS.expired)));

    expect(world.session.refreshCalls).toBe(2);
  });

  it('leaves the protected content when it is shown again after another tab signed out', async () => {
    const view = render(inActivity('visible', SAMPLE_VERDICTS.ok));
    await settle(() => view.rerender(inActivity('hidden', SAMPLE_VERDICTS.ok)));
    await settle(() => jest.advanceTimersByTime(60_000));
    world.session.signedIn = false; // the other tab's broadcast reached nobody: this tab was hidden

    await settle(() => view.rerender(inActivity('visible', SAMPLE_VERDICTS.ok)));

    expect(world.router.redirects).toEqual(['/account']);
  });

  it('refreshes once under StrictMode, and hands the running actor to the components inside', async () => {
    function AttemptCounter() {
      const attempts = useSelector(useSessionFlowActor(), (snapshot) => snapshot.context.recoveryAttempts);
      return <p data-testid="attempts">{attempts}</p>;
    }
    const view = render(<StrictMode>{boundary(world, SAMPLE_VERDICTS.expired, <AttemptCounter />)}</StrictMode>);
    await settle(() => jest.advanceTimersByTime(10));
    expect(world.session.refreshCalls).toBe(1);

    await settle(() => world.session.answerRefresh('refreshed'));
    expect(world.router.softReloads).toBe(1);
    await settle(() => world.router.next.completeNavigation(() => view.rerender(<StrictMode>{boundary(world, SAMPLE_VERDICTS.ok, <AttemptCounter />)}</StrictMode>)));
    await settle(() => jest.advanceTimersByTime(1_000));
    expect(screen.getByTestId('attempts')).toHaveTextContent('0');
  });
});

async function settle(effect: () => unknown): Promise<void> {
  await act(async () => {
    await effect();
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}
