import { useActorRef } from '@xstate/react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ActorRefFrom, InspectionEvent, Observer, SnapshotFrom } from 'xstate';
import {
  canShowPage,
  checkingStatus,
  describeSessionFlow,
  withMessages,
  type SessionFlowInput,
  type SessionFlowMessageOverrides,
  type SessionFlowMessages,
  type SessionFlowStatus,
  type SessionVerdict,
} from 'ssr-session-flow/machine';
import { createSessionFlowLogic, type SessionFlowLogic, type SessionFlowRuntimeOptions } from './createSessionFlowLogic';
import { toSameOriginPath } from './sameOriginPath';
import type { SessionFlowPorts } from './sessionFlowPorts';
import { useSessionFlowTrace } from './sessionFlowTrace';
import { useBrowserFacts } from './useBrowserFacts';

export interface SessionFlowOptions
  extends Pick<SessionFlowInput, 'maxRecoveryAttempts' | 'retryDelay' | 'reloadDeadline' | 'offerSignInAfterFailures'> {
  /** Every word shown or announced: some of them, or a whole dictionary. English by default. */
  messages?: SessionFlowMessageOverrides;
  runtime?: SessionFlowRuntimeOptions;
  /** Read once, when the actor is created (e.g. the Stately inspector's `inspect`). */
  inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
}

/** The running session-flow actor: `useSelector(actorRef, …)` reads any part of its state. */
export type SessionFlowActorRef = ActorRefFrom<SessionFlowLogic>;

export interface SessionFlow {
  actorRef: SessionFlowActorRef;
  /** The verdict in the props being rendered now; `undefined` on pages that never checked. */
  verdict: SessionVerdict | undefined;
  status: SessionFlowStatus;
  /** The words in use: English with the app's overrides laid over them. */
  messages: SessionFlowMessages;
  /** The page checks no session, or the server accepted it and nothing since says otherwise. */
  canShowPage: boolean;
  retry(): void;
  signInAgain(): void;
  /** The sign-in page with this page as the way back, for a link when the redirect could not get there. */
  signInUrl: string;
}

/**
 * One verdict as the server delivered it: every new object is news, even one equal to the last
 * (an unchanged value must still re-trigger recovery: the `key={Date.now()}` bug of effects keyed
 * on the value). `verdict` is `undefined` for pages that check no session.
 */
export interface VerdictDelivery {
  verdict: SessionVerdict | undefined;
}

/**
 * Runs the session flow of one tab, whatever the router: one actor, seeded by the first verdict and
 * sent every later one, because client-side navigation brings new verdicts without remounting the
 * component that holds the flow. `ports` are read once, when the actor is created.
 *
 * `@xstate/react` gives the actor the life React expects: StrictMode's second mount, an
 * `<Activity>` that hides and shows it, and fast refresh stop it and start it again with the state
 * it had, without running its entry effects (a refresh) twice; events the runtime reports while
 * it is stopped wait for it.
 */
export function useSessionFlow(delivery: VerdictDelivery, ports: SessionFlowPorts, options: SessionFlowOptions = {}): SessionFlow {
  const { verdict } = delivery;
  const [created] = useState(() => {
    const input: SessionFlowInput = {
      verdict,
      recoveryAttempts: ports.recoveryAttempts.read(),
      maxRecoveryAttempts: options.maxRecoveryAttempts,
      retryDelay: options.retryDelay,
      reloadDeadline: options.reloadDeadline,
      offerSignInAfterFailures: options.offerSignInAfterFailures,
    };
    return { ports, logic: createSessionFlowLogic(ports, options.runtime), input };
  });
  const actorRef = useActorRef(created.logic, { input: created.input, inspect: options.inspect });
  const snapshot = useActorSnapshot(actorRef);
  useSessionFlowTrace(actorRef);
  useVerdictDelivery(actorRef, delivery);
  useBrowserFacts(actorRef, created.ports);

  const messages = useMemo(() => withMessages(options.messages), [options.messages]);
  const machineStatus = describeSessionFlow(snapshot, messages);
  // Until the verdict of these props is delivered, the machine still reports the previous page's
  // rest state; say "checking" instead of showing a settled state with no content.
  const awaitingVerdict =
    verdict?.status === 'needs-refresh' && (machineStatus.state === 'authenticated' || machineStatus.state === 'idle');
  const status = awaitingVerdict
    ? checkingStatus(machineStatus.attempt, machineStatus.maxAttempts, verdict.reason, messages)
    : machineStatus;

  return {
    actorRef,
    verdict,
    status,
    messages,
    canShowPage: canShowPage(verdict, status.state),
    retry: () => actorRef.send({ type: 'user.retryRequested' }),
    signInAgain: () => actorRef.send({ type: 'user.signInRequested' }),
    signInUrl: status.canFollowSignInLink ? signInUrlFor(created.ports) : '',
  };
}

function signInUrlFor(ports: SessionFlowPorts): string {
  const here = ports.currentUrl();
  return ports.signInUrl(toSameOriginPath(here.href, here.origin) ?? '/');
}

/**
 * The actor's snapshot, re-rendering on every change; an actor that failed throws its error. What
 * `useSelector(actorRef, (snapshot) => snapshot)` does, on React's own `useSyncExternalStore`
 * rather than @xstate/react's shim of it for React 17 (half a kilobyte on every page).
 */
function useActorSnapshot(actorRef: SessionFlowActorRef): SnapshotFrom<SessionFlowLogic> {
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
 * Sends each new delivery to the machine (the first one seeded it). A layout effect: the verdict
 * reaches the machine in the same commit that renders it, before the Next router resolves the
 * navigation that brought it, so a soft reload's answer never overtakes its verdict.
 */
function useVerdictDelivery(actorRef: SessionFlowActorRef, delivery: VerdictDelivery) {
  const delivered = useRef(delivery);
  useLayoutEffect(() => {
    if (delivered.current === delivery) return;
    delivered.current = delivery;
    const { verdict } = delivery;
    actorRef.send(verdict ? { type: 'server.verdictReceived', verdict } : { type: 'page.publicShown' });
  }, [delivery, actorRef]);
}
