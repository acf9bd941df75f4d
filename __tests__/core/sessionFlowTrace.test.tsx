import { act, render } from '@testing-library/react';
import { SessionBoundary } from 'ssr-session-flow/pages-router/client';
import { createFakeSessionFlowWorld } from '../../lib/testing/fakePorts';
import { pagePropsFor, SAMPLE_VERDICTS } from '../../lib/testing/sessionFlowTestModel';

describe('session-flow trace', () => {
  const original = process.env.NEXT_PUBLIC_SESSION_FLOW_TRACE;
  afterEach(() => {
    process.env.NEXT_PUBLIC_SESSION_FLOW_TRACE = original;
    delete window.__sessionFlowTrace;
    sessionStorage.clear();
  });

  it('records each settled state, across documents of the tab, when the build flag is on', async () => {
    process.env.NEXT_PUBLIC_SESSION_FLOW_TRACE = '1';
    const world = createFakeSessionFlowWorld();
    render(
      <SessionBoundary pageProps={pagePropsFor(SAMPLE_VERDICTS.expired)} ports={world.ports}>
        page
      </SessionBoundary>,
    );
    await act(async () => {
      world.session.answerRefresh('refreshed');
      await Promise.resolve();
    });
    expect(traceStates()).toEqual(['refreshing', 'reloading.soft']);

    delete window.__sessionFlowTrace; // a new document of the same tab
    render(<SessionBoundary pageProps={pagePropsFor(SAMPLE_VERDICTS.ok)} ports={createFakeSessionFlowWorld().ports}>page</SessionBoundary>);
    expect(traceStates()).toEqual(['refreshing', 'reloading.soft', 'authenticated']);
  });

  it('records nothing without the flag', () => {
    delete process.env.NEXT_PUBLIC_SESSION_FLOW_TRACE;
    render(<SessionBoundary pageProps={pagePropsFor(SAMPLE_VERDICTS.expired)} ports={createFakeSessionFlowWorld().ports}>page</SessionBoundary>);
    expect(window.__sessionFlowTrace).toBeUndefined();
    expect(sessionStorage.length).toBe(0);
  });
});

function traceStates(): string[] | undefined {
  return window.__sessionFlowTrace?.map((entry) => entry.state);
}
