/**
 * @jest-environment node
 */
import { withEnv } from './support/fakeInspectorWindow';

const mockPackageLoaded = jest.fn();
jest.mock('@statelyai/inspect', () => {
  mockPackageLoaded();
  return jest.requireActual('@statelyai/inspect');
});

describe('the session-flow inspector on the server', () => {
  it('is not created, and @statelyai/inspect is not loaded, even with the flag on in development', async () => {
    const restoreEnv = withEnv({ NODE_ENV: 'development', NEXT_PUBLIC_XSTATE_INSPECT: '1' });
    try {
      // A fresh module registry: `sessionFlowInspect` is computed when the module is first imported.
      await jest.isolateModulesAsync(async () => {
        const { sessionFlowInspect, createSessionFlowInspect } = await import('../../lib/inspect/sessionFlowInspect');

        expect(sessionFlowInspect).toBeUndefined();
        expect(createSessionFlowInspect()).toBeUndefined();
      });
      // Started on the server, the package logs `Window does not exist`; the console guard would
      // fail this test on it. Better still, it is never even loaded.
      expect(mockPackageLoaded).not.toHaveBeenCalled();
    } finally {
      restoreEnv();
    }
  });
});
