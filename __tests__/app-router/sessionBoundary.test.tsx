import { act, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { SessionBoundary, SessionVerdictReport } from 'ssr-session-flow/app-router/client';
import type { SessionVerdict } from 'ssr-session-flow/machine';
import { createFakeSessionFlowWorld, SAMPLE_VERDICTS, type FakeSessionFlowWorld } from 'ssr-session-flow/testing';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn(), replace: jest.fn() }) }));

/**
 * The App Router boundary with the fake world's ports (`router: 'app'`: the soft reload is a
 * `router.refresh()` that resolves once the server components rendered again). Each `layout(…)`
 * renders the boundary as the protected layout would, with a fresh verdict object.
 */
describe('SessionBoundary', () => {
  let world: FakeSessionFlowWorld;
  let view: ReturnType<typeof render>;
  beforeEach(() => {
    jest.useFakeTimers();
    world = createFakeSessionFlowWorld({ url: 'http://localhost:3000/app-router/account?tab=1#devices', router: 'app' });
  });
  afterEach(() => jest.useRealTimers());

  const tree = (verdict: SessionVerdict, page: ReactNode = <p data-testid="page">content</p>) => (
    <SessionBoundary verdict={verdict} ports={world.ports}>
      {page}
    </SessionBoundary>
  );
  const layout = async (verdict: SessionVerdict, page?: ReactNode) => {
    await act(async () => {
      if (view) view.rerender(tree({ ...verdict }, page));
      else view = render(tree({ ...verdict }, page));
    });
  };
  const settle = async (effect: () => unknown) => {
    await act(async () => {
      await effect();
      for (let i = 0; i < 10; i += 1) await Promise.resolve();
    });
  };

  afterEach(() => {
    view?.unmount();
    (view as unknown) = undefined;
  });

  it('shows the page at once for an accepted session, and refreshes nothing', async () => {
    await layout(SAMPLE_VERDICTS.ok);
    expect(screen.getByTestId('page')).toBeVisible();
    expect(world.session.refreshCalls).toBe(0);
  });

  it('recovers an expired session with router.refresh(): the layout’s new verdict, no document load', async () => {
    await layout(SAMPLE_VERDICTS.expired);
    expect(screen.queryByTestId('page')).toBeNull();
    await settle(() => world.session.answerRefresh('refreshed'));
    expect(world.router.next.hasPendingNavigation()).toBe(true);

    await settle(() => world.router.next.completeNavigation(() => layout(SAMPLE_VERDICTS.ok)));
    await act(async () => {
      jest.advanceTimersByTime(1_000);
    });

    expect(screen.getByTestId('page')).toBeVisible();
    expect(world.router.documentReloads).toBe(0);
    expect(world.router.next.asPath).toBe('/app-router/account?tab=1#devices');
  });

  it('counts a refresh that brings no new verdict as failed, and reloads the document', async () => {
    await layout(SAMPLE_VERDICTS.expired);
    await settle(() => world.session.answerRefresh('refreshed'));
    await settle(() => world.router.next.completeNavigation());
    expect(world.router.documentReloads).toBe(0);
    await settle(() => world.clock.advance(1_000));
    expect(world.router.documentReloads).toBe(1);
  });

  it('hears the verdict a page reports after a client-side navigation the layout did not re-render for', async () => {
    await layout(SAMPLE_VERDICTS.ok);
    await layout(SAMPLE_VERDICTS.ok, <SessionVerdictReport verdict={{ ...SAMPLE_VERDICTS.expired }} />);
    expect(world.session.refreshCalls).toBe(1);
  });

  it('treats each render of the layout as a new verdict, an equal one included, so the loop budget counts', async () => {
    await layout(SAMPLE_VERDICTS.expired);
    for (let cycle = 0; cycle < 2; cycle += 1) {
      await settle(() => world.session.answerRefresh('refreshed'));
      await settle(() => world.router.next.completeNavigation(() => layout(SAMPLE_VERDICTS.expired)));
    }
    expect(world.session.refreshCalls).toBe(2);
    await act(async () => {
      jest.advanceTimersByTime(500);
    });
    expect(document.querySelector('[data-session-flow-state="stuck"]')).not.toBeNull();
  });
});
