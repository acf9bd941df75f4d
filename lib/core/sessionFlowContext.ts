import { createContext, useContext } from 'react';
import type { LoadingScreenProps } from './loadingScreenProps';
import type { SessionFlow, SessionFlowActorRef } from './useSessionFlow';

/** The flow a `SessionBoundary` runs, for the components inside it. */
export const SessionFlowContext = createContext<SessionFlow | null>(null);

function useFlow(hook: string): SessionFlow {
  const flow = useContext(SessionFlowContext);
  if (!flow) throw new Error(`${hook}() must be called inside a SessionBoundary (of either router), which runs the session flow.`);
  return flow;
}

/**
 * The running session-flow actor, for a loading UI that reads more than the status:
 * `useSelector(useSessionFlowActor(), (snapshot) => snapshot.context.recoveryAttempts)`.
 */
export function useSessionFlowActor(): SessionFlowActorRef {
  return useFlow('useSessionFlowActor').actorRef;
}

/** What a loading UI shows and the user's ways out, for one given as an element (`loading={<MyLoading />}`). */
export function useSessionFlowStatus(): LoadingScreenProps {
  const { status, messages, retry, signInAgain, signInUrl } = useFlow('useSessionFlowStatus');
  return { status, messages, retry, signInAgain, signInUrl };
}
