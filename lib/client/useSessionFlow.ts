import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useRef, useState } from 'react';
import type { InspectionEvent, Observer } from 'xstate';
import type { SessionFlowInput } from '../../machines/sessionFlowMachine';
import { checkingStatus, describeSessionFlow, type SessionFlowStatus } from '../../machines/sessionFlowStatus';
import { readSessionOutcome, type SessionOutcome } from '../sessionOutcome';
import { createBrowserPorts } from './browserPorts';
import { createSessionFlowLogic, type SessionFlowRuntimeOptions } from './createSessionFlowLogic';
import type { SessionFlowPorts } from './sessionFlowPorts';
import { useSessionFlowTrace } from './sessionFlowTrace';

export interface SessionFlowOptions extends Pick<SessionFlowInput, 'maxRecoveryAttempts' | 'retryDelay'> {
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
    };
    return { logic: createSessionFlowLogic(ports, options.runtime), input };
  });
  const actorRef = useActorRef(created.logic, { input: created.input, inspect: options.inspect });
  const snapshot = useSelector(actorRef, (s) => s);
  useSessionFlowTrace(actorRef);

  const deliveredProps = useRef(pageProps);
  useEffect(() => {
    if (deliveredProps.current === pageProps) return;
    deliveredProps.current = pageProps;
    // Deliver every new verdict, even one equal to the last: an unchanged value must still
    // re-trigger recovery (the `key={Date.now()}` bug of effects keyed on the value).
    if (outcome) actorRef.send({ type: 'server.outcomeReceived', outcome });
  }, [pageProps, outcome, actorRef]);

  useEffect(() => {
    const onOnline = () => actorRef.send({ type: 'network.online' });
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) actorRef.send({ type: 'page.restored' });
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('pageshow', onPageShow);
    };
  }, [actorRef]);

  const machineStatus = describeSessionFlow(snapshot);
  // Until the effect above delivers a new expired verdict, the machine still reports the previous
  // page's rest state; say "checking" instead of showing a settled state with no content.
  const awaitingVerdict =
    outcome?.status === 'needs-refresh' && (machineStatus.state === 'authenticated' || machineStatus.state === 'idle');
  const status = awaitingVerdict
    ? checkingStatus(machineStatus.attempt, machineStatus.maxAttempts, outcome.reason)
    : machineStatus;

  return {
    outcome,
    status,
    canShowPage: outcome === undefined || outcome.status === 'ok',
    retry: () => actorRef.send({ type: 'user.retryRequested' }),
    signInAgain: () => actorRef.send({ type: 'user.signInRequested' }),
  };
}
