import { act, fireEvent, render, screen } from '@testing-library/react';
import { SessionFlowBoundary } from 'ssr-session-flow/app-router/client';
import { describeSessionFlow, readSessionOutcome, type SessionFlowSnapshot, type SessionOutcome } from 'ssr-session-flow/machine';
import { createFakeSessionFlowWorld, createSessionFlowDriver, createSessionFlowTestModel, SAMPLE_OUTCOMES } from 'ssr-session-flow/testing';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn(), replace: jest.fn() }) }));

/**
 * The test kit on the App Router: every path of the model through the real boundary, its runtime
 * and its loading UI, the fake world answering as `router.refresh()` does. A boundary never sees
 * a public page (it is not rendered there), so that fact is left out of the model.
 */
const paths = createSessionFlowTestModel({ outcome: SAMPLE_OUTCOMES.ok }, { leaveOut: ['page.publicShown'] }).getShortestPaths();

describe('SessionFlowBoundary on every path of the session flow', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it.each(paths.map((path) => [path.description, path] as const))('%s', async (_description, path) => {
    const world = createFakeSessionFlowWorld({ url: 'http://localhost:3000/app-router/account?tab=1#devices', router: 'app' });
    const layout = (outcome: SessionOutcome) => (
      <SessionFlowBoundary outcome={outcome} ports={world.ports}>
        <p data-testid="page">Content</p>
      </SessionFlowBoundary>
    );
    let view!: ReturnType<typeof render>;
    await act(async () => {
      view = render(layout({ ...SAMPLE_OUTCOMES.ok }));
    });

    await path.test({
      events: createSessionFlowDriver({
        world,
        showPageProps: async (props) => {
          const outcome = readSessionOutcome(props);
          if (!outcome) throw new Error('an App Router boundary is only rendered with a verdict');
          // Each server render deserialises a new verdict object, an equal one included.
          view.rerender(layout({ ...outcome }));
        },
        user: {
          retry: () => fireEvent.click(screen.getByRole('button', { name: 'Try again' })),
          signInAgain: () => fireEvent.click(screen.getByRole('button', { name: 'Sign in again' })),
        },
        act: (step) => act(step),
      }),
      states: {
        '*': async (snapshot) => {
          await act(async () => {
            jest.advanceTimersByTime(1_000);
          });
          const expected = snapshot as SessionFlowSnapshot;
          if (expected.context.outcome?.status === 'needs-refresh') {
            expect(screen.queryByTestId('page')).toBeNull();
            expect(screen.getByRole('status')).toHaveTextContent(describeSessionFlow(expected).message);
          } else {
            expect(screen.getByTestId('page')).toBeVisible();
          }
        },
      },
    });
    view.unmount();
  });
});
