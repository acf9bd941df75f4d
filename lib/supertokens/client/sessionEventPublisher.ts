import { crossTabSessionEvents, type CrossTabSessionEvent, type CrossTabSessionEvents } from 'ssr-session-flow/core';

/** The part of a supertokens-auth-react Session event (`onHandleEvent`) that other tabs care about. */
export interface SessionRecipeEvent {
  action: string;
  sessionExpiredOrRevoked?: boolean;
}

/**
 * An `onHandleEvent` for `Session.init` that tells the other tabs what happened to the session
 * they share: `Session.init({ onHandleEvent: publishSessionEventsToOtherTabs() })`. A 401 for a
 * visitor who never had a session (`sessionExpiredOrRevoked: false`) tells them nothing.
 */
export function publishSessionEventsToOtherTabs(
  events: Pick<CrossTabSessionEvents, 'publish'> = crossTabSessionEvents(),
): (event: SessionRecipeEvent) => void {
  return (event) => {
    const shared = toCrossTabEvent(event);
    if (shared) events.publish(shared);
  };
}

function toCrossTabEvent({ action, sessionExpiredOrRevoked }: SessionRecipeEvent): CrossTabSessionEvent | null {
  switch (action) {
    case 'SESSION_CREATED':
      return 'signed-in';
    case 'SIGN_OUT':
      return 'signed-out';
    case 'UNAUTHORISED':
      return sessionExpiredOrRevoked ? 'signed-out' : null;
    case 'REFRESH_SESSION':
      return 'refreshed';
    default:
      return null;
  }
}
