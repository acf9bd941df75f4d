import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createActor, type ActorOptions, type ActorRefFrom, type InspectionEvent, type Observer, type SnapshotFrom } from 'xstate';
import {
  checkingStatus,
  describeSessionFlow,
  readSessionOutcome,
  withMessages,
  type SessionFlowEvent,
  type SessionFlowInput,
  type SessionFlowMessageOverrides,
  type SessionFlowMessages,
  type SessionFlowStatus,
  type SessionOutcome,
} from 'ssr-session-flow/machine';
import { createBrowserPorts } from './browserPorts';
import { createSessionFlowLogic, type SessionFlowLogic, type SessionFlowRuntimeOptions } from './createSessionFlowLogic';
import type { CrossTabSessionEvent } from './crossTabSessionEvents';
import type { SessionFlowPorts } from './sessionFlowPorts';
import { useSessionFlowTrace } from './sessionFlowTrace';

export interface SessionFlowOptions
  extends Pick<SessionFlowInput, 'maxRecoveryAttempts' | 'retryDelay' | 'reloadDeadline' | 'offerSignInAfterFailures'> {
  /** Every word shown or announced: some of them, or a whole dictionary. English by default. */
  messages?: SessionFlowMessageOverrides;
  /** Defaults to the browser: SuperTokens, the Next router, `window`. Tests pass fakes. */
  ports?: SessionFlowPorts;
  runtime?: SessionFlowRuntimeOptions;
  /** Read once, when the actor is created (e.g. the Stately inspector's `inspect`). */
  inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
}

export interface SessionFlow {
  /** The verdict in the props being rendered now; `undefined` on pages that never checked. */
  outcome: SessionOutcome | undefined;
  status: SessionFlowStatus;
  /** The words in use: English with the app's overrides laid over them. */
  messages: SessionFlowMessages;
  /** The server accepted this page's session, or the page does not check sessions. */
  canShowPage: boolean;
  retry(): void;
  signInAgain(): void;
}

/**
 * Runs the session flow for `_app`: one actor per tab, seeded by the first page's verdict and sent
 * every later verdict, because client-side navigation re-runs getServerSideProps without
 * remounting `_app`.
 */
export function useSessionFlow(pageProps: unknown, options: SessionFlowOptions = {}): SessionFlow {
  const outcome = readSessionOutcome(pageProps);
  const [created] = useState(() => {
    const ports = options.ports ?? createBrowserPorts();
    const input: SessionFlowInput = {
      outcome,
      recoveryAttempts: ports.recoveryAttempts.read(),
      maxRecoveryAttempts: options.maxRecoveryAttempts,
      retryDelay: options.retryDelay,
      reloadDeadline: options.reloadDeadline,
      offerSignInAfterFailures: options.offerSignInAfterFailures,
    };
    return { ports, logic: createSessionFlowLogic(ports, options.runtime), input };
  });
  const actorRef = useRunningActor(created.logic, { input: created.input, inspect: options.inspect });
  const snapshot = useActorSnapshot(actorRef);
  useSessionFlowTrace(actorRef);
  useVerdictDelivery(actorRef, pageProps, outcome);
  useBrowserFacts(actorRef, created.ports);

  const messages = useMemo(() => withMessages(options.messages), [options.messages]);
  const machineStatus = describeSessionFlow(snapshot, messages);
  // Until the verdict of these props is delivered, the machine still reports the previous page's
  // rest state; say "checking" instead of showing a settled state with no content.
  const awaitingVerdict =
    outcome?.status === 'needs-refresh' && (machineStatus.state === 'authenticated' || machineStatus.state === 'idle');
  const status = awaitingVerdict
    ? checkingStatus(machineStatus.attempt, machineStatus.maxAttempts, outcome.reason, messages)
    : machineStatus;

  return {
    outcome,
    status,
    messages,
    canShowPage: outcome === undefined || outcome.status === 'ok',
    retry: () => actorRef.send({ type: 'user.retryRequested' }),
    signInAgain: () => actorRef.send({ type: 'user.signInRequested' }),
  };
}

type SessionFlowActor = ActorRefFrom<SessionFlowLogic>;

/**
 * One actor for the component's life, started once. In development React's StrictMode unmounts
 * and mounts every effect once more: the stop waits for the next task, and a mount in between
 * keeps the actor running, so its first effects (a refresh) never run twice. What `@xstate/react`
 * would do here with a stop and a restart, without its weight on every page (docs/decisions/014).
 */
function useRunningActor(logic: SessionFlowLogic, options: ActorOptions<SessionFlowLogic> & { input: SessionFlowInput }): SessionFlowActor {
  const [actorRef] = useState(() => createActor(logic, options));
  const pendingStop = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    clearTimeout(pendingStop.current);
    actorRef.start();
    return () => {
      pendingStop.current = setTimeout(() => actorRef.stop(), 0);
    };
  }, [actorRef]);
  return actorRef;
}

/** The actor's snapshot, re-rendering on every change; an actor that failed throws its error. */
function useActorSnapshot(actorRef: SessionFlowActor): SnapshotFrom<SessionFlowLogic> {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const subscription = actorRef.subscribe({ next: onChange, error: onChange });
      return () => subscription.unsubscribe();
    },
    [actorRef],
  );
  const getSnapshot = useCallback(() => actorRef.getSnapshot(), [actorRef]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  if (snapshot.status === 'error') throw snapshot.error;
  return snapshot;
}

/**
 * Every new set of page props is news, even one equal to the last (an unchanged value must still
 * re-trigger recovery: the `key={Date.now()}` bug of effects keyed on the value). A layout effect:
 * the verdict reaches the machine in the same commit that renders it, before the Next router
 * resolves the navigation that brought it, so a soft reload's answer never overtakes its verdict.
 */
function useVerdictDelivery(actorRef: SessionFlowActor, pageProps: unknown, outcome: SessionOutcome | undefined) {
  const deliveredProps = useRef(pageProps);
  useLayoutEffect(() => {
    if (deliveredProps.current === pageProps) return;
    deliveredProps.current = pageProps;
    actorRef.send(outcome ? { type: 'server.outcomeReceived', outcome } : { type: 'page.publicShown' });
  }, [pageProps, outcome, actorRef]);
}

const CROSS_TAB_EVENTS: Record<CrossTabSessionEvent, SessionFlowEvent> = {
  'signed-in': { type: 'session.signedInElsewhere' },
  'signed-out': { type: 'session.signedOutElsewhere' },
  refreshed: { type: 'session.refreshedElsewhere' },
};

/** Facts the browser reports on its own: connectivity, bfcache restores, wake-ups, other tabs. */
function useBrowserFacts(actorRef: SessionFlowActor, ports: SessionFlowPorts) {
  useEffect(() => {
    const send = (event: SessionFlowEvent) => {
      if (actorRef.getSnapshot().status === 'active') actorRef.send(event);
    };
    const onOnline = () => send({ type: 'network.online' });
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) send({ type: 'page.restored' });
    };
    const onVisibilityChange = () => {
      if (document.visibilityState !== 'visible') return;
      ports.isAccessTokenExpired().then(
        (accessTokenExpired) => send({ type: 'page.woke', accessTokenExpired }),
        () => send({ type: 'page.woke', accessTokenExpired: false }),
      );
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('pageshow', onPageShow);
    document.addEventListener('visibilitychange', onVisibilityChange);
    const stopListening = ports.sessionEvents.subscribe((event) => send(CROSS_TAB_EVENTS[event]));
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('pageshow', onPageShow);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      stopListening();
    };
  }, [actorRef, ports]);
}
