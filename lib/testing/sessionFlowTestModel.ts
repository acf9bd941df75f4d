import { createTestModel } from 'xstate/graph';
import { sessionFlowMachine, type SessionFlowEvent, type SessionFlowInput } from '../../machines/sessionFlowMachine';
import type { SessionOutcome, SessionPageProps } from '../sessionOutcome';
import type { FakeSessionFlowWorld } from './fakePorts';

export const SAMPLE_OUTCOMES = {
  ok: { status: 'ok', userId: 'user-1' },
  expired: { status: 'needs-refresh', reason: 'expired' },
} as const satisfies Record<string, SessionOutcome>;

/** Events with payloads, one per distinct branch; payload-free events are generated as they are. */
export const SESSION_FLOW_TEST_EVENTS: SessionFlowEvent[] = [
  { type: 'server.outcomeReceived', outcome: SAMPLE_OUTCOMES.ok },
  { type: 'server.outcomeReceived', outcome: SAMPLE_OUTCOMES.expired },
  { type: 'refresh.failed', cause: 'network' },
  { type: 'refresh.failed', cause: 'server' },
];

/**
 * The shipped machine as an `xstate/graph` test model. Starting on a page that checks no session
 * (`outcome: undefined`) reaches every state and every transition.
 */
export function createSessionFlowTestModel(input: SessionFlowInput = { outcome: undefined }) {
  return createTestModel(sessionFlowMachine, { input, events: SESSION_FLOW_TEST_EVENTS });
}

export type SessionFlowTestModel = ReturnType<typeof createSessionFlowTestModel>;

/** The page props a session-checked page renders with for `outcome`. */
export function pagePropsFor(outcome: SessionOutcome): SessionPageProps {
  return outcome.status === 'ok'
    ? { sessionOutcome: outcome }
    : { sessionOutcome: outcome, fromSupertokens: 'needs-refresh' };
}

export interface SessionFlowDriverOptions {
  world: FakeSessionFlowWorld;
  /** Re-render the app with new page props (what a client-side navigation or reload does). */
  showPageProps(pageProps: object): void | Promise<void>;
  /** How a person triggers these through the app's loading UI (e.g. clicking its buttons). */
  user: { retry(): unknown; signInAgain(): unknown };
  /** Lets the UI library flush after each step, e.g. Testing Library's `act`. */
  act?: (step: () => Promise<void>) => Promise<unknown>;
  target?: Pick<Window, 'dispatchEvent'>;
}

/** xstate/graph types a step's event by its `type` only; the object still carries its payload. */
type EventExecutors = { [Type in SessionFlowEvent['type']]: (step: { event: { type: string } }) => Promise<void> };

/**
 * Turns each machine event of a test path into the real-world fact that causes it, so the app's
 * runtime and UI (not the bare machine) go through the path: `path.test({ events: driver, states })`.
 */
export function createSessionFlowDriver(options: SessionFlowDriverOptions): EventExecutors {
  const { world, user } = options;
  const target = options.target ?? window;
  const act = options.act ?? (async (step: () => Promise<void>) => step());
  const run = (effect: () => unknown) => async () => {
    await act(async () => {
      await effect();
      await flushMicrotasks();
    });
  };

  return {
    'server.outcomeReceived': ({ event }) =>
      run(async () => {
        const { outcome } = event as Extract<SessionFlowEvent, { type: 'server.outcomeReceived' }>;
        // Next resolves `router.replace` once the re-run props have rendered.
        while (world.router.pendingSoftReloads() > 0) world.router.answerSoftReload(true);
        await options.showPageProps(pagePropsFor(outcome));
      })(),
    'refresh.succeeded': run(() => world.session.answerRefresh('refreshed')),
    'refresh.rejected': run(() => world.session.answerRefresh('session-gone')),
    'refresh.failed': ({ event }) =>
      run(() => world.session.failRefresh((event as Extract<SessionFlowEvent, { type: 'refresh.failed' }>).cause))(),
    'reload.failed': run(() => world.router.answerSoftReload(false)),
    'retry.due': run(() => {
      if (!world.clock.fireNext()) throw new Error('retry.due: no retry timer is pending');
    }),
    'network.online': run(() => target.dispatchEvent(new Event('online'))),
    'page.restored': run(() => target.dispatchEvent(pageShowEvent())),
    'user.retryRequested': run(() => user.retry()),
    'user.signInRequested': run(() => user.signInAgain()),
  };
}

/** jsdom has no PageTransitionEvent constructor; the runtime only reads `persisted`. */
function pageShowEvent(): Event {
  const event = new Event('pageshow');
  Object.defineProperty(event, 'persisted', { value: true });
  return event;
}

async function flushMicrotasks(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await Promise.resolve();
}
