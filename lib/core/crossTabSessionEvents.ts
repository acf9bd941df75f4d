/** What one tab tells the others about the session they share (the cookies are shared). */
export type CrossTabSessionEvent = 'signed-in' | 'signed-out' | 'refreshed';

export interface CrossTabSessionEvents {
  /** Tells every other tab of this origin; never this one. */
  publish(event: CrossTabSessionEvent): void;
  /** Hears the other tabs; returns a function that stops listening. */
  subscribe(listener: (event: CrossTabSessionEvent) => void): () => void;
  /**
   * Whether this tab is the one to refresh ahead the token that expires at `tokenExpiresAt`: the
   * first tab to ask, among the tabs open now, and again and again that tab (it keeps the claim
   * until it claims the next token or closes). Every tab is, where the browser has no Web Locks.
   */
  claimRefreshAhead(tokenExpiresAt: number): Promise<boolean>;
}

const CHANNEL_NAME = 'ssr-session-flow:session-events';
const EVENTS: ReadonlySet<string> = new Set<CrossTabSessionEvent>(['signed-in', 'signed-out', 'refreshed']);

/** What a channel needs to be: BroadcastChannel in the browser. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/**
 * One BroadcastChannel per tab, shared by whoever publishes (the SuperTokens event handler) and
 * whoever listens (the session flow): two channel objects in one tab would hear each other. Each
 * message carries the tab's id, and whatever arrives is checked before use (another version of the
 * app, or an extension, may post on the same name). Without BroadcastChannel it does nothing:
 * every tab still recovers on its own, as before.
 */
export function createCrossTabSessionEvents(
  openChannel: ((name: string) => ChannelLike) | null = defaultChannelFactory(),
  // Only tells this tab's messages from the others': about 52 random bits are plenty.
  tabId: string = Math.random().toString(36).slice(2),
): CrossTabSessionEvents {
  let channel: ChannelLike | null | undefined;
  const open = () => {
    if (channel === undefined) {
      try {
        channel = openChannel ? openChannel(CHANNEL_NAME) : null;
      } catch {
        channel = null; // e.g. a sandboxed iframe: stay tab-local
      }
    }
    return channel;
  };
  return {
    publish(event) {
      try {
        open()?.postMessage({ tabId, event });
      } catch {
        // a closed channel: the other tabs recover on their own
      }
    },
    subscribe(listener) {
      const target = open();
      if (!target) return () => {};
      const onMessage = ({ data }: MessageEvent) => {
        const message = readMessage(data);
        if (message && message.tabId !== tabId) listener(message.event);
      };
      target.addEventListener('message', onMessage);
      return () => target.removeEventListener('message', onMessage);
    },
    // Loaded when a token is due (once a lifetime): bytes of every first load otherwise.
    claimRefreshAhead: (tokenExpiresAt) =>
      import('./refreshAheadClaims').then(({ claimRefreshAhead }) => claimRefreshAhead(tokenExpiresAt), () => true),
  };
}

/**
 * Where this tab keeps its one instance: on `globalThis`, so that two copies of this module in one
 * page (a bundle that holds the kit's CommonJS and ES builds both, or two versions of the kit)
 * still share one channel and never hear their own tab.
 */
const TAB_KEY = Symbol.for('ssr-session-flow.crossTabSessionEvents');

/** The one instance of this tab (created on first use). */
export function crossTabSessionEvents(): CrossTabSessionEvents {
  const holder = globalThis as { [TAB_KEY]?: CrossTabSessionEvents };
  holder[TAB_KEY] ??= createCrossTabSessionEvents();
  return holder[TAB_KEY];
}

function readMessage(data: unknown): { tabId: string; event: CrossTabSessionEvent } | null {
  if (typeof data !== 'object' || data === null) return null;
  const { tabId, event } = data as Record<string, unknown>;
  if (typeof tabId !== 'string' || typeof event !== 'string' || !EVENTS.has(event)) return null;
  return { tabId, event: event as CrossTabSessionEvent };
}

function defaultChannelFactory(): ((name: string) => ChannelLike) | null {
  return typeof BroadcastChannel === 'undefined' ? null : (name) => new BroadcastChannel(name);
}
