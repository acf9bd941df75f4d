/**
 * `ssr-session-flow/inspect`: the Stately inspector for the session flow, in development only
 * (`NEXT_PUBLIC_XSTATE_INSPECT=1`), with everything secret redacted and the story kept across
 * document reloads. In a production build it is `undefined` and `@statelyai/inspect` never loads.
 */
export { boundaryInspect, createSessionFlowInspect, sessionFlowInspect, type SessionFlowInspectOptions } from './sessionFlowInspect';
export { redactingInspectorOptions, type BrowserInspectorOptions, type StatelyInspector } from './statelyInspector';
export { redactForInspector, REDACTED, type JsonValue } from './redactForInspector';
