import { useEffect, useRef } from 'react';
import type { SessionFlowEvent } from 'ssr-session-flow/machine';
import type { CrossTabSessionEvent } from './crossTabSessionEvents';
import type { SessionFlowPorts } from './sessionFlowPorts';
import type { SessionFlowActorRef } from './useSessionFlow';

/** `refreshing` is the runtime's own business (see `scheduleProactiveRefresh`). */
const CROSS_TAB_EVENTS: Partial<Record<CrossTabSessionEvent, SessionFlowEvent>> = {
  'signed-in': { type: 'session.signedInElsewhere' },
  'signed-out': { type: 'session.signedOutElsewhere' },
  refreshed: { type: 'session.refreshedElsewhere' },
};

/**
 * Facts the browser reports on its own: connectivity, bfcache restores, wake-ups, other tabs.
 *
 * While React keeps the flow hidden (`<Activity mode="hidden">`, a route Next 16 keeps alive)
 * these listeners are detached, so a sign-out in another tab can go unheard; when it shows the
 * flow again, it asks what it missed: no session any more counts as a sign-out elsewhere, an
 * expired access token as a wake-up.
 */
export function useBrowserFacts(actorRef: SessionFlowActorRef, ports: SessionFlowPorts): void {
  const attachedBefore = useRef(false);
  useEffect(() => {
    let detached = false;
    const send = (event: SessionFlowEvent | undefined) => {
      if (event && !detached && actorRef.getSnapshot().status === 'active') actorRef.send(event);
    };
    const wake = () =>
      ports.isAccessTokenExpired().then(
        (accessTokenExpired) => send({ type: 'page.woke', accessTokenExpired }),
        () => send({ type: 'page.woke', accessTokenExpired: false }),
      );
    const onOnline = () => send({ type: 'network.online' });
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) send({ type: 'page.restored' });
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') void wake();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('pageshow', onPageShow);
    document.addEventListener('visibilitychange', onVisibilityChange);
    const stopListening = ports.sessionEvents.subscribe((event) => send(CROSS_TAB_EVENTS[event]));
    if (attachedBefore.current) {
      void ports.hasSession().then(
        (signedIn) => (signedIn ? wake() : send({ type: 'session.signedOutElsewhere' })),
        () => wake(),
      );
    }
    attachedBefore.current = true;
    return () => {
      detached = true;
      window.removeEventListener('online', onOnline);
      window.removeEventListener('pageshow', onPageShow);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      stopListening();
    };
  }, [actorRef, ports]);
}
