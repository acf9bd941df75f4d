import { createTabStorageSlot, type SlotStorage } from 'ssr-session-flow/core';
import { redactForInspector, type JsonValue } from './redactForInspector';

/** One transition of one actor on one page, already redacted: safe to store and to replay. */
export interface LoggedTransition {
  /** The document (page load) the actor lived in. */
  page: string;
  /** The actor's `sessionId` on that page (`x:0`, ...): unique only within its page. */
  actor: string;
  at: number;
  event: { type: string; [key: string]: JsonValue };
  snapshot: { status: SnapshotStatus; value: JsonValue; context: JsonValue };
}

/** What the forwarder hands over: raw values, which the log redacts before keeping them. */
export interface TransitionToLog {
  page: string;
  actor: string;
  at: number;
  event: { type: string };
  snapshot: { status: SnapshotStatus; value: unknown; context: unknown };
}

export type SnapshotStatus = 'active' | 'done' | 'error' | 'stopped';
const STATUSES: ReadonlySet<string> = new Set<SnapshotStatus>(['active', 'done', 'error', 'stopped']);

export interface TransitionLog {
  /** Oldest first; entries older than `maxAgeMs` are left out. */
  read(): LoggedTransition[];
  /** Redacts `entry` before it is kept anywhere. */
  append(entry: TransitionToLog): void;
  clear(): void;
}

export interface TransitionLogOptions {
  key?: string;
  /** Only the most recent entries are kept: the story of the last reload or two. */
  limit?: number;
  /** An old story from an earlier visit is noise, not context. */
  maxAgeMs?: number;
  now?: () => number;
}

export const TRANSITION_LOG_KEY = 'ssr-session-flow:inspector-log';
const DEFAULT_LIMIT = 50;
const DEFAULT_MAX_AGE_MS = 10 * 60_000;

/**
 * A short per-tab log in `sessionStorage`, so a page that ends in a document reload or a redirect
 * still tells its story to the next page's inspector. Storage that is absent, full, disabled or
 * holds garbage degrades to an in-memory log for this page: inspection must never break the app.
 */
export function createTransitionLog(
  storage: SlotStorage | undefined,
  {
    key = TRANSITION_LOG_KEY,
    limit = DEFAULT_LIMIT,
    maxAgeMs = DEFAULT_MAX_AGE_MS,
    now = Date.now,
  }: TransitionLogOptions = {},
): TransitionLog {
  const slot = createTabStorageSlot(storage, key, parseLog);
  const fresh = () => {
    const oldest = now() - maxAgeMs;
    return (slot.load() ?? []).filter((entry) => entry.at >= oldest);
  };
  return {
    read: fresh,
    append: (entry) => slot.save([...fresh(), redactEntry(entry)].slice(-Math.max(1, limit))),
    clear: () => slot.clear(),
  };
}

function redactEntry(entry: TransitionToLog): LoggedTransition {
  return {
    page: entry.page,
    actor: entry.actor,
    at: entry.at,
    event: { ...asRecord(redactForInspector(entry.event)), type: entry.event.type },
    snapshot: {
      status: entry.snapshot.status,
      // State names are code, not data: a state called `refreshingToken` stays readable.
      value: redactForInspector(entry.snapshot.value, { redactKeys: false }),
      context: redactForInspector(entry.snapshot.context),
    },
  };
}

/** Anything a user, an extension or an older version left under the key must not break the page. */
function parseLog(value: unknown): LoggedTransition[] {
  return Array.isArray(value) ? value.filter(isLoggedTransition) : [];
}

function isLoggedTransition(value: unknown): value is LoggedTransition {
  if (!isRecord(value)) return false;
  const { page, actor, at, event, snapshot } = value;
  return (
    typeof page === 'string' &&
    typeof actor === 'string' &&
    typeof at === 'number' &&
    isRecord(event) &&
    typeof event.type === 'string' &&
    isRecord(snapshot) &&
    typeof snapshot.status === 'string' &&
    STATUSES.has(snapshot.status) &&
    'value' in snapshot &&
    'context' in snapshot
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRecord(value: JsonValue): { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}
