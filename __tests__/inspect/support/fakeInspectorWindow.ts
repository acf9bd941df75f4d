/**
 * Offline, the stately.ai inspector window cannot load. This fake page window hands the real
 * `@statelyai/inspect` browser adapter a fake popup and records every message posted to it, so the
 * tests count and read exactly what the inspector would have received.
 */
export interface PostedMessage {
  type: string;
  sessionId?: string;
  name?: string;
  definition?: string;
  event?: { type: string };
  snapshot?: { value?: unknown; context?: unknown };
}

export interface FakeInspectorWindow {
  window: Window;
  /** URLs the inspector opened (its popup). */
  opened: string[];
  /** Every message posted to the popup, in order, as the popup would see it (structured clone). */
  posted: PostedMessage[];
  /** What the popup does once its app loaded: tell the page it is listening. */
  connect(): void;
}

export function createFakeInspectorWindow(): FakeInspectorWindow {
  const opened: string[] = [];
  const posted: PostedMessage[] = [];
  const listeners: Array<(event: { data: unknown }) => void> = [];
  const popup = { postMessage: (message: unknown) => posted.push(structuredClone(message) as PostedMessage) };
  const page = {
    open: (url: string) => {
      opened.push(String(url));
      return popup;
    },
    addEventListener: (type: string, listener: (event: { data: unknown }) => void) => {
      if (type === 'message') listeners.push(listener);
    },
  };
  return {
    window: page as unknown as Window,
    opened,
    posted,
    connect: () => listeners.forEach((listener) => listener({ data: { type: '@statelyai.connected' } })),
  };
}

/** One tab's `sessionStorage`, shared by the "pages" of a test to simulate reloads. */
export function createMemoryStorage(): Storage & { dump(): string } {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    dump: () => JSON.stringify([...items.entries()]),
  };
}

/**
 * The inspector converts live events in an idle callback (an animation frame under jsdom, which
 * has no requestIdleCallback). Frames run their callbacks in the order they were asked for, so
 * three frames from now every conversion asked for before (and one it asks for in turn) is done,
 * however busy the machine: a fixed wait (it was 60 ms) is not.
 */
export async function afterInspectorFrames(): Promise<void> {
  for (let frame = 0; frame < 3; frame += 1) await new Promise((resolve) => window.requestAnimationFrame(resolve));
}

/** `[message type, session id, event type or state value]` triples: the timeline as a person reads it. */
export function timeline(posted: readonly PostedMessage[]): string[] {
  return posted.map((message) => {
    const detail =
      message.type === '@xstate.snapshot'
        ? JSON.stringify(message.snapshot?.value)
        : message.type === '@xstate.event'
          ? message.event?.type
          : message.name;
    return `${message.type.replace('@xstate.', '')} ${message.sessionId} ${detail}`;
  });
}

/** Sets environment variables for one test; returns the function that restores them. */
export function withEnv(values: Record<string, string | undefined>): () => void {
  const env = process.env as Record<string, string | undefined>;
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, env[name]]));
  const apply = (next: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(next)) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
  };
  apply(values);
  return () => apply(saved);
}
