import { createTestModel } from 'xstate/graph';
import {
  sessionFlowMachine,
  type RefreshFailureCause,
  type SessionFlowEvent,
  type SessionFlowInput,
} from 'ssr-session-flow/machine';
import { describeSessionFlow, type SessionFlowSnapshot } from 'ssr-session-flow/machine';
import type { SessionVerdict, SessionPageProps } from 'ssr-session-flow/machine';

const REFRESH_FAILURE_CAUSES: readonly RefreshFailureCause[] = ['network', 'server', 'duplicate-cookies', 'missing-front-token', 'unexpected'];
/** What the model starts from unless told otherwise; an actor replaying its paths must start the same way. */
export const SESSION_FLOW_MODEL_INPUT: SessionFlowInput = { verdict: undefined, retryDelay: { initialMs: 1_000, maxMs: 1_000 } };

export const SAMPLE_VERDICTS = {
  ok: { status: 'ok', userId: 'user-1' },
  expired: { status: 'needs-refresh', reason: 'expired' },
  duplicate: { status: 'needs-refresh', reason: 'duplicate' },
} as const satisfies Record<string, SessionVerdict>;

/** @deprecated Since 0.4: `SAMPLE_VERDICTS`. Removed in 0.5. */
export const SAMPLE_OUTCOMES = SAMPLE_VERDICTS;

/** Events with payloads, one per distinct branch; payload-free events are generated as they are. */
export const SESSION_FLOW_TEST_EVENTS: SessionFlowEvent[] = [
  { type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.ok },
  { type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.expired },
  { type: 'server.verdictReceived', verdict: SAMPLE_VERDICTS.duplicate },
  ...REFRESH_FAILURE_CAUSES.map((cause): SessionFlowEvent => ({ type: 'refresh.failed', cause })),
  { type: 'page.woke', accessTokenExpired: true },
  { type: 'page.woke', accessTokenExpired: false },
];

/**
 * The shipped machine as an `xstate/graph` test model. Starting on a page that checks no session
 * (`verdict: undefined`) reaches every state and every transition. Retries back off at one fixed
 * delay here, which keeps the graph small without losing a transition. `leaveOut` drops events
 * the app under test cannot produce.
 */
export function createSessionFlowTestModel(
  input: Partial<SessionFlowInput> = {},
  { leaveOut = [] }: { leaveOut?: ReadonlyArray<SessionFlowEvent['type']> } = {},
) {
  return createTestModel(sessionFlowMachine, {
    input: { ...SESSION_FLOW_MODEL_INPUT, ...input },
    events: SESSION_FLOW_TEST_EVENTS,
    serializeState: serializeByTransition,
    // `leaveOut`: facts an app cannot produce (an App Router boundary never sees a public page:
    // it is not rendered there).
    filterEvents: (snapshot, event) => !leaveOut.includes(event.type) && offeredToTheUser(snapshot, event),
  });
}

/** A person can only press the buttons the loading UI shows: the status says which those are. */
function offeredToTheUser(snapshot: SessionFlowSnapshot, event: SessionFlowEvent): boolean {
  if (event.type === 'user.retryRequested') return describeSessionFlow(snapshot).canRetry;
  if (event.type === 'user.signInRequested') return describeSessionFlow(snapshot).canSignInAgain;
  return true;
}

/**
 * Shortest paths lead to each distinct state, not along each transition: a transition into a
 * state that a shorter path already reaches (a woken tab back in `authenticated`, the same
 * `redirecting` from six places) would never be tried. Keying each state by where it came from
 * (the previous state's value and the event) makes every transition a destination of its own.
 */
function serializeByTransition(snapshot: SessionFlowSnapshot, event: SessionFlowEvent | undefined, previous?: SessionFlowSnapshot): string {
  const key = serializeSnapshot(snapshot);
  return event && previous ? `${JSON.stringify(previous.value)}|${event.type}|${key}` : key;
}

function serializeSnapshot({ value, context }: SessionFlowSnapshot): string {
  return JSON.stringify({ value, context });
}

export type SessionFlowTestModel = ReturnType<typeof createSessionFlowTestModel>;

/** The page props a session-checked page renders with for `verdict`. */
export function pagePropsFor(verdict: SessionVerdict): SessionPageProps {
  return verdict.status === 'ok'
    ? { sessionVerdict: verdict }
    : { sessionVerdict: verdict, fromSupertokens: 'needs-refresh' };

}

