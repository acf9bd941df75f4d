import { useEffect } from 'react';
import type { ActorRefFrom } from 'xstate';
import type { SessionFlowLogic } from './createSessionFlowLogic';
import { createTabStorageSlot, safeSessionStorage } from './tabStorageSlot';

/** One settled state of the session flow, as `reloading.soft` or `refreshing`. */
export interface SessionFlowTraceEntry {
  state: string;
  path: string;
  at: number;
}

declare global {
  interface Window {
    /** Present only in builds made with NEXT_PUBLIC_SESSION_FLOW_TRACE=1 (development, e2e). */
    __sessionFlowTrace?: SessionFlowTraceEntry[];
  }
}

const STORAGE_KEY = 'ssr-session-flow:trace';
const MAX_ENTRIES = 200;

/**
 * Records the states the machine settles in, so browser tests can assert the exact path taken.
 * Next inlines NEXT_PUBLIC_* at build time: without the flag the body is dead code and a
 * production build carries none of it. Kept in sessionStorage so a document reload keeps history.
 */
export function useSessionFlowTrace(actorRef: ActorRefFrom<SessionFlowLogic>): void {
  useEffect(() => {
    if (process.env.NEXT_PUBLIC_SESSION_FLOW_TRACE !== '1') return undefined;
    const slot = createTabStorageSlot(safeSessionStorage(), STORAGE_KEY, (value) =>
      Array.isArray(value) ? (value as SessionFlowTraceEntry[]) : null,
    );
    const record = () => {
      // The tab's storage is the record, not this document's copy: a page restored from the
      // back/forward cache comes back with the copy it had when it was left.
      const trace = slot.load() ?? window.__sessionFlowTrace ?? [];
      window.__sessionFlowTrace = trace;
      const state = stateName(actorRef.getSnapshot().value);
      if (trace.at(-1)?.state === state && trace.at(-1)?.path === location.pathname) return;
      trace.push({ state, path: location.pathname, at: Math.round(performance.now()) });
      trace.splice(0, Math.max(0, trace.length - MAX_ENTRIES));
      slot.save(trace);
    };
    record();
    const subscription = actorRef.subscribe(record);
    return () => subscription.unsubscribe();
  }, [actorRef]);
}

function stateName(value: unknown): string {
  if (typeof value === 'string') return value;
  const [[parent, child]] = Object.entries(value as Record<string, unknown>) as [[string, unknown]];
  return `${parent}.${stateName(child)}`;
}
