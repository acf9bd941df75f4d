import { act, fireEvent, render, screen } from '@testing-library/react';
import { SessionBoundary } from 'ssr-session-flow/app-router/client';
import { canShowPage, describeSessionFlow, readSessionVerdict, topLevelState, type SessionFlowSnapshot, type SessionVerdict } from 'ssr-session-flow/machine';
import { createFakeSessionFlowWorld, createSessionFlowDriver, createSessionFlowTestModel, SAMPLE_VERDICTS } from 'ssr-session-flow/testing';
import { expectConsole } from '../support/consoleGuard';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn(), replace: jest.fn() }) }));

/**
 * The test kit on the App Router: every path of the model through the real boundary, its runtime
 * and its loading UI, the fake world answering as `router.refresh()` does. A boundary never sees
 * a public page (it is not rendered there), so that fact is left out of the model.
 */
const paths = createSessionFlowTestModel({ verdict: SAMPLE_VERDICTS.ok }, { leaveOut: ['page.publicShown'] }).getShortestPaths();

describe('SessionBoundary on every path of the session flow', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    // The driver makes SuperTokens' redirect fail on the paths through `redirect.failed`, and the
    // refresh fail on a bug on those through `refresh.failed` with `unexpected`: both are logged.
    expectConsole('error', /the redirect to sign in failed|failed unexpectedly/);
  });
  afterEach(() => jest.useRealTimers());

  it.each(paths.map((path) => [path.description, path] as const))('%s', async (_description, path) => {
    const world = createFakeSessionFlowWorld({ url: 'http://localhost:3000/app-router/account?tab=1#devices', router: 'app' });
    const layout = (verdict: SessionVerdict) => (
      <SessionBoundary verdict={verdict} ports={world.ports}>
        <p data-testid="page">Content</p>
      </SessionBoundary>
    );
    let view!: ReturnType<typeof render>;
    await act(async () => {
      view = render(layout({ ...SAMPLE_VERDICTS.ok }));
    });

    await path.test({
      events: createSessionFlowDriver({
        world,
        showPageProps: async (props) => {
          const verdict = readSessionVerdict(props);
          if (!verdict) throw new Error('an App Router boundary is only rendered with a verdict');
          // Each server render deserialises a new verdict object, an equal one included.
          view.rerender(layout({ ...verdict }));
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
          if (!canShowPage(expected.context.verdict, topLevelState(expected))) {
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
