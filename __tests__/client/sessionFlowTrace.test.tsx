import { act, render } from '@testing-library/react';
import { SessionGate } from '../../lib/client/SessionGate';
import { createFakeSessionFlowWorld } from '../../lib/testing/fakePorts';
import { pagePropsFor, SAMPLE_OUTCOMES } from '../../lib/testing/sessionFlowTestModel';

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
      <SessionGate pageProps={pagePropsFor(SAMPLE_OUTCOMES.expired)} ports={world.ports}>
        page
      </SessionGate>,
    );
    await act(async () => {
      world.session.answerRefresh('refreshed');
      await Promise.resolve();
    });
    expect(traceStates()).toEqual(['refreshing', 'reloading.soft']);

    delete window.__sessionFlowTrace; // a new document of the same tab
    render(<SessionGate pageProps={pagePropsFor(SAMPLE_OUTCOMES.ok)} ports={createFakeSessionFlowWorld().ports}>page</SessionGate>);
    expect(traceStates()).toEqual(['refreshing', 'reloading.soft', 'authenticated']);
  });

  it('records nothing without the flag', () => {
    delete process.env.NEXT_PUBLIC_SESSION_FLOW_TRACE;
    render(<SessionGate pageProps={pagePropsFor(SAMPLE_OUTCOMES.expired)} ports={createFakeSessionFlowWorld().ports}>page</SessionGate>);
    expect(window.__sessionFlowTrace).toBeUndefined();
    expect(sessionStorage.length).toBe(0);
  });
});

function traceStates(): string[] | undefined {
  return window.__sessionFlowTrace?.map((entry) => entry.state);
}
