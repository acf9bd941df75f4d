import type { ReactNode } from 'react';
import { DefaultLoadingScreen } from './DefaultLoadingScreen';
import type { LoadingScreenProps } from './loadingScreenProps';
import { SessionFlowContext } from './sessionFlowContext';
import type { SessionFlowPorts } from './sessionFlowPorts';
import { useAnchorOnReveal } from './useAnchorOnReveal';
import { DEFAULT_LOADING_TIMINGS, useDelayedVisibility, type LoadingTimings } from './useDelayedVisibility';
import { useSessionFlow, type SessionFlowOptions, type VerdictDelivery } from './useSessionFlow';

/** What both routers' `SessionBoundary` take besides their verdicts and ports. */
export interface SessionBoundaryOptions extends Omit<SessionFlowOptions, 'inspect'> {
  children: ReactNode;
  /**
   * The Stately inspector: on by default in development with `NEXT_PUBLIC_XSTATE_INSPECT=1`
   * (`ssr-session-flow/inspect`), `false` to keep it off, or any `inspect` observer. A boolean
   * passes from a server component, so an App Router layout can give it as it is.
   */
  inspect?: SessionFlowOptions['inspect'] | boolean;
  /**
   * The app's own loading UI as an element, e.g. `loading={<MyLoading />}`: it reads the status
   * with `useSessionFlowStatus()` (or the actor with `useSessionFlowActor()`). An element passes
   * from a server component to a client one, so an App Router layout can give it as it is.
   */
  loading?: ReactNode;
  /** The app's own loading UI as a render function (from client code); it wins over `loading`. */
  renderLoading?: (props: LoadingScreenProps) => ReactNode;
  loadingTimings?: Partial<LoadingTimings>;
}

export interface SessionFlowGateProps extends Omit<SessionBoundaryOptions, 'inspect'> {
  delivery: VerdictDelivery;
  ports: SessionFlowPorts;
  inspect?: SessionFlowOptions['inspect'];
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * Renders the page when its session verdict allows it (or when the page checks no session);
 * otherwise the loading UI, driven by the session-flow machine, in the page's place (whatever
 * surrounds the boundary, the app's header and navigation, stays). The polite live region is in
 * the markup from the first (server) render on, so every later message is announced.
 * Router-agnostic: each router's `SessionBoundary` gives it the verdicts and the ports.
 */
export function SessionFlowGate({ delivery, ports, children, loading, renderLoading, loadingTimings, ...options }: SessionFlowGateProps) {
  const flow = useSessionFlow(delivery, ports, options);
  const timings = { ...DEFAULT_LOADING_TIMINGS, ...loadingTimings };
  const loadingVisible = useDelayedVisibility(!flow.canShowPage, timings);
  const showingPage = flow.canShowPage && !loadingVisible;
  useAnchorOnReveal(showingPage);

  if (showingPage) return <SessionFlowContext.Provider value={flow}>{children}</SessionFlowContext.Provider>;

  const props: LoadingScreenProps = {
    status: flow.status,
    messages: flow.messages,
    retry: flow.retry,
    signInAgain: flow.signInAgain,
    signInUrl: flow.signInUrl,
  };
  const loadingUi = renderLoading ? renderLoading(props) : (loading ?? <DefaultLoadingScreen {...props} />);
  return (
    <SessionFlowContext.Provider value={flow}>
      {/* State attributes appear with the visible UI only: the first render must match the server's. */}
      <div
        data-session-flow="loading"
        data-session-flow-state={loadingVisible ? flow.status.state : undefined}
        aria-busy={!loadingVisible || flow.status.state !== 'stuck'}
      >
        <p role="status" aria-live="polite" style={visuallyHidden}>
          {loadingVisible ? flow.status.message : ''}
        </p>
        {loadingVisible ? loadingUi : null}
      </div>
    </SessionFlowContext.Provider>
  );
}
