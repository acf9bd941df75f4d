import { act, fireEvent, screen } from '@testing-library/react';
import { canShowPage, describeSessionFlow, topLevelState, type SessionFlowSnapshot } from '../../machines/sessionFlowStatus';
import { createFakeSessionFlowWorld, type FakeSessionFlowWorld } from '../../lib/testing/fakePorts';
import { createSessionFlowDriver } from '../../lib/testing/sessionFlowDriver';
import { createSessionFlowTestModel } from '../../lib/testing/sessionFlowTestModel';
import { expectConsole } from '../support/consoleGuard';
import { liveRegionText, loadingRegion, pageText, renderApp, worldHolder } from './renderApp';

jest.mock('../../lib/core/browserPorts', () => ({
  createBrowserPorts: () => jest.requireActual<typeof import('./renderApp')>('./renderApp').currentWorldPorts(),
}));

/**
 * Every shortest path of the session-flow model, driven through the real `_app`: the runtime, the
 * gate and the default loading UI go through each state, with the fake world standing in for
 * SuperTokens, the router and the clock.
 */
const paths = createSessionFlowTestModel().getShortestPaths();
const PAGE_URL = 'http://localhost:3000/reports?tab=2#latest';

beforeEach(() => expectConsole('error', /the redirect to sign in failed|failed unexpectedly/));

describe.each([
  ['under StrictMode', true],
  ['without StrictMode', false],
])('_app on every path of the session flow, %s', (_mode, strict) => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it.each(paths.map((path) => [path.description, path] as const))('%s', async (_description, path) => {
    const world = createFakeSessionFlowWorld({ url: PAGE_URL });
    worldHolder.current = world;
    const app = await renderApp({}, { strict });
    const driver = createSessionFlowDriver({
      world,
      showPageProps: app.showPageProps,
      user: {
        retry: () => fireEvent.click(screen.getByRole('button', { name: 'Try again' })),
        signInAgain: () => fireEvent.click(screen.getByRole('button', { name: 'Sign in again' })),
      },
      act: (step) => act(step),
    });

    await path.test({
      events: driver,
      states: {
        '*': async (expected) => {
          // Past the show delay and the minimum visible time of the loading UI.
          await act(async () => {
            jest.advanceTimersByTime(1_000);
          });
          expectUiFor(expected as SessionFlowSnapshot, world);
        },
      },
    });
    app.unmount();
  });
});

function expectUiFor(expected: SessionFlowSnapshot, world: FakeSessionFlowWorld) {
  const { verdict } = expected.context;
  if (canShowPage(verdict, topLevelState(expected))) {
    expect(loadingRegion()).toBeNull();
    expect(pageText()).toBe(verdict?.status === 'ok' ? `Content for ${verdict.userId}` : 'Public content');
  } else {
    const status = describeSessionFlow(expected);
    expect(pageText()).toBeNull();
    expect(loadingRegion()).toHaveAttribute('data-session-flow-state', status.state);
    expect(liveRegionText()).toBe(status.message);
  }
  const state = topLevelState(expected);
  if (state === 'redirecting') expect(world.router.redirects.at(-1)).toBe('/reports?tab=2#latest');
  if (expected.matches({ redirecting: 'hard' })) expect(world.router.documentLoads.at(-1)).toBe('/auth?redirectToPath=%2Freports%3Ftab%3D2%23latest');
  if (expected.matches({ reloading: 'hard' })) expect(world.router.documentReloads).toBeGreaterThan(0);
  if (loadingRegion()) {
    const status = describeSessionFlow(expected);
    expect(screen.queryByRole('button', { name: 'Try again' }) !== null).toBe(status.canRetry);
    expect(screen.queryByRole('button', { name: 'Sign in again' }) !== null).toBe(status.canSignInAgain);
    expect(screen.queryByRole('link', { name: 'Go to sign in' }) !== null).toBe(status.canFollowSignInLink);
  }
}
