import { act, waitFor } from '@testing-library/react';
import { createFakeSessionFlowWorld } from '../../lib/testing/fakePorts';
import { pagePropsFor, SAMPLE_VERDICTS } from '../../lib/testing/sessionFlowTestModel';
import { TRANSITION_LOG_KEY } from '../../lib/inspect/transitionLog';
import { pageText, renderApp, worldHolder } from '../app/renderApp';
import { afterInspectorFrames, timeline, withEnv, type PostedMessage } from './support/fakeInspectorWindow';

jest.mock('../../lib/core/browserPorts', () => ({
  createBrowserPorts: () => jest.requireActual<typeof import('../app/renderApp')>('../app/renderApp').currentWorldPorts(),
}));

/**
 * `_app` with `NEXT_PUBLIC_XSTATE_INSPECT=1` in development: the real module-level inspector,
 * started from jsdom's window, whose popup is replaced (offline, stately.ai cannot load).
 * Without Strict Mode: under it React creates a second, never-started actor that the inspector
 * also lists (statelyai/inspect #58).
 */
describe('_app with the inspector flag on in development', () => {
  let restoreEnv: () => void;
  const posted: PostedMessage[] = [];
  beforeAll(() => {
    restoreEnv = withEnv({ NODE_ENV: 'development', NEXT_PUBLIC_XSTATE_INSPECT: '1' });
  });
  afterAll(() => {
    restoreEnv();
    window.sessionStorage.clear();
  });

  it('hands the session-flow actor to the inspector, which is sent its events and no user id', async () => {
    const popup = { postMessage: (message: unknown) => posted.push(structuredClone(message) as PostedMessage) };
    const open = jest.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
    const world = createFakeSessionFlowWorld({ url: 'http://localhost:3000/account' });
    worldHolder.current = world;

    const app = await renderApp(pagePropsFor(SAMPLE_VERDICTS.expired));
    await settle(() => world.session.answerRefresh('refreshed'));
    await app.showPageProps(pagePropsFor(SAMPLE_VERDICTS.ok));
    await act(async () => {
      window.dispatchEvent(new MessageEvent('message', { data: { type: '@statelyai.connected' } }));
      await afterInspectorFrames();
    });

    // On real timers (the inspector's frames): on a busy machine the steps above take longer than
    // the loading screen's show delay, and the screen then stays its minimum time.
    await waitFor(() => expect(pageText()).toBe('Content for user-1'));
    expect(open).toHaveBeenCalledTimes(1);
    const events = timeline(posted).filter((line) => line.startsWith('event '));
    expect(events.map((line) => line.split(' ')[2])).toEqual(['xstate.init', 'refresh.succeeded', 'server.verdictReceived']);
    expect(posted.filter((message) => message.type === '@xstate.actor').map((message) => message.name)).toEqual([
      'sessionFlow',
    ]);
    expect(JSON.stringify(posted)).not.toContain('user-1');
    expect(window.sessionStorage.getItem(TRANSITION_LOG_KEY)).toContain('server.verdictReceived');
    expect(window.sessionStorage.getItem(TRANSITION_LOG_KEY)).not.toContain('user-1');
  });
});

async function settle(effect: () => void) {
  await act(async () => {
    effect();
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
}
