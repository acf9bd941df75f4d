import { act, fireEvent, screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import CustomLoadingExample from '../../pages/examples/custom-loading';
import { canShowPage, describeSessionFlow, topLevelState, type SessionFlowSnapshot } from '../../machines/sessionFlowStatus';
import { createFakeSessionFlowWorld } from '../../lib/testing/fakePorts';
import { createSessionFlowDriver } from '../../lib/testing/sessionFlowDriver';
import { createSessionFlowTestModel, pagePropsFor, SAMPLE_VERDICTS } from '../../lib/testing/sessionFlowTestModel';
import { renderApp, worldHolder } from './renderApp';
import { expectConsole } from '../support/consoleGuard';

// Next strips getServerSideProps from the browser bundle; the test does the same with its server module.
jest.mock('ssr-session-flow/pages-router/server', () => ({ withSession: () => async () => ({ props: {} }) }));
jest.mock('../../lib/core/browserPorts', () => ({
  createBrowserPorts: () => jest.requireActual<typeof import('./renderApp')>('./renderApp').currentWorldPorts(),
}));

/**
 * What an app does with the test kit: one generated test per path, checking its own loading UI
 * (here the /examples/custom-loading page's) in every state it passes through.
 */
const HEADINGS: Record<string, string> = {
  offline: 'Connection lost',
  stuck: 'We could not restore your session',
  signingOut: 'Signed out',
  redirecting: 'Signed out',
  refreshing: 'One moment',
  reloading: 'One moment',
};

describe('custom loading UI of /examples/custom-loading on every path', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    // The driver makes SuperTokens' redirect fail on the paths through `redirect.failed`, and the
    // refresh fail on a bug on those through `refresh.failed` with `unexpected`: both are logged.
    expectConsole('error', /the redirect to sign in failed|failed unexpectedly/);
  });
  afterEach(() => jest.useRealTimers());

  // A protected page always carries a verdict: start from the first page's accepted session.
  it.each(createSessionFlowTestModel({ verdict: SAMPLE_VERDICTS.ok }).getShortestPaths().map((path) => [path.description, path] as const))(
    '%s',
    async (_description, path) => {
      const world = createFakeSessionFlowWorld();
      worldHolder.current = world;
      const app = await renderApp(pagePropsFor(SAMPLE_VERDICTS.ok), { Component: CustomLoadingExample as ComponentType<object> });
      await path.test({
        events: createSessionFlowDriver({
          world,
          showPageProps: app.showPageProps,
          user: {
            retry: () => fireEvent.click(screen.getByRole('button', { name: /Retry now|Try again/ })),
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
            const heading = HEADINGS[topLevelState(expected)];
            if (!canShowPage(expected.context.verdict, topLevelState(expected)) && heading) {
              expect(screen.getByRole('heading', { name: heading })).toBeVisible();
              expect(screen.getByRole('status')).toHaveTextContent(describeSessionFlow(expected).message);
            } else {
              expect(screen.queryByRole('heading', { name: /One moment|Connection lost|Signed out/ })).toBeNull();
            }
          },
        },
      });
      app.unmount();
    },
  );
});
