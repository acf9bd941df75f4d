import type { createBrowserInspector, StatelyInspectionEvent } from '@statelyai/inspect';
import { redactForInspector, type JsonValue } from './redactForInspector';
import { redactInspectionMessage } from './redactInspectionMessage';

// Type-only imports: erased at compile time, so they never pull the package into a bundle.

/** What this kit uses of a Stately inspector: the observer for live actors, the manual API for replay. */
export type StatelyInspector = Pick<
  ReturnType<typeof createBrowserInspector>,
  'inspect' | 'actor' | 'event' | 'snapshot'
>;

export type BrowserInspectorOptions = NonNullable<Parameters<typeof createBrowserInspector>[0]>;

type RedactingOptions = Required<Pick<BrowserInspectorOptions, 'sanitizeContext' | 'sanitizeEvent' | 'serialize'>>;

/**
 * Inspector options under which nothing secret is posted. `sanitizeContext`/`sanitizeEvent` are the
 * documented hooks, but they skip parts of a message (the `xstate.init` event carries the actor's
 * input; an actor registration carries a whole snapshot, and its `definition` is the machine config
 * as a JSON string, static `context` values included), so `serialize` also redacts every message as
 * a whole. The browser adapter serialises again right before posting, which is why redaction must
 * be (and is) idempotent.
 */
export function redactingInspectorOptions(): RedactingOptions {
  return {
    sanitizeContext: (context) => asObject(redactForInspector(context)),
    sanitizeEvent: (event) => ({ ...asObject(redactForInspector(event)), type: event.type }),
    // Redaction keeps every key of a message and only replaces values, so the result still has the
    // message's shape.
    serialize: (message) => redactInspectionMessage(message) as unknown as StatelyInspectionEvent,
  };
}

function asObject(value: JsonValue): { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}
