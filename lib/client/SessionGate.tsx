import type { ReactNode } from 'react';
import { DefaultLoadingScreen } from './DefaultLoadingScreen';
import type { LoadingScreenProps } from './loadingScreenProps';
import { useAnchorOnReveal } from './useAnchorOnReveal';
import { DEFAULT_LOADING_TIMINGS, useDelayedVisibility, type LoadingTimings } from './useDelayedVisibility';
import { useSessionFlow, type SessionFlowOptions } from './useSessionFlow';

export interface SessionGateProps extends SessionFlowOptions {
  pageProps: unknown;
  children: ReactNode;
  /** The app's own loading UI; defaults to an accessible spinner. */
  renderLoading?: (props: LoadingScreenProps) => ReactNode;
  loadingTimings?: Partial<LoadingTimings>;
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
 * otherwise the loading UI, driven by the session-flow machine. The polite live region is in the
 * markup from the first (server) render on, so every later message is announced.
 */
export function SessionGate({ pageProps, children, renderLoading, loadingTimings, ...options }: SessionGateProps) {
  const flow = useSessionFlow(pageProps, options);
  const timings = { ...DEFAULT_LOADING_TIMINGS, ...loadingTimings };
  const loadingVisible = useDelayedVisibility(!flow.canShowPage, timings);
  const showingPage = flow.canShowPage && !loadingVisible;
  useAnchorOnReveal(showingPage);

  if (showingPage) return <>{children}</>;

  const props: LoadingScreenProps = { status: flow.status, messages: flow.messages, retry: flow.retry, signInAgain: flow.signInAgain };
  return (
    // State attributes appear with the visible UI only: the first render must match the server's.
    <div
      data-session-flow="loading"
      data-session-flow-state={loadingVisible ? flow.status.state : undefined}
      aria-busy={!loadingVisible || flow.status.state !== 'stuck'}
    >
      <p role="status" aria-live="polite" style={visuallyHidden}>
        {loadingVisible ? flow.status.message : ''}
      </p>
      {/* The default screen is a component (it has hooks); `renderLoading` is a render function. */}
      {loadingVisible ? renderLoading ? renderLoading(props) : <DefaultLoadingScreen {...props} /> : null}
    </div>
  );
}
