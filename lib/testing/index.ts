/**
 * `ssr-session-flow/testing`: model-based tests of an app's session flow. The test model of the
 * shipped machine, a driver that turns each of its events into the real-world fact behind it, and
 * fakes of SuperTokens, the Next router and the clock that behave like the real ones.
 */
export {
  createSessionFlowTestModel,
  pagePropsFor,
  SAMPLE_OUTCOMES,
  SAMPLE_VERDICTS,
  SESSION_FLOW_MODEL_INPUT,
  SESSION_FLOW_TEST_EVENTS,
  type SessionFlowTestModel,
} from './sessionFlowTestModel';
export { createSessionFlowDriver, type SessionFlowDriverOptions } from './sessionFlowDriver';
export {
  createFakeSessionFlowWorld,
  FAKE_ACCESS_TOKEN_LIFETIME_MS,
  FAKE_SIGN_IN_PATH,
  type FakeSessionFlowWorld,
  type FakeSessionFlowWorldOptions,
} from './fakePorts';
export { createFakeNextRouter, onlyAHashChange, type FakeNextRouter } from './fakeNextRouter';
export { createFakeClock, type FakeClock } from './fakeClock';
export { refreshFailure } from './refreshFailures';
export { createTransitionRecorder, listStateIds, listTransitions } from './transitionCoverage';
