import type { RecoveryAttemptStore } from './sessionFlowPorts';

const STORAGE_KEY = 'ssr-session-flow:recovery-attempts';

interface StoredAttempts {
  attempts: number;
  savedAt: number;
}

/**
 * Keeps the spent recovery attempts in `sessionStorage` (one tab, survives reloads). Entries older
 * than `forgetAfterMs` count as zero: a tab that got stuck an hour ago deserves a fresh try.
 * Storage that throws (disabled, quota, private mode) degrades to memory: the budget then only
 * holds within one document, which still bounds the soft-reload loop.
 */
export function createRecoveryAttemptStore(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined,
  { forgetAfterMs = 60_000, now = Date.now }: { forgetAfterMs?: number; now?: () => number } = {},
): RecoveryAttemptStore {
  let memory: StoredAttempts | null = null;

  const load = (): StoredAttempts | null => {
    try {
      const raw = storage?.getItem(STORAGE_KEY);
      if (raw != null) return parseStoredAttempts(raw);
    } catch {
      // fall through to memory
    }
    return memory;
  };

  return {
    read() {
      const stored = load();
      if (!stored || now() - stored.savedAt > forgetAfterMs) return 0;
      return stored.attempts;
    },
    write(attempts) {
      memory = { attempts, savedAt: now() };
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify(memory));
      } catch {
        // memory copy above still bounds this document
      }
    },
    clear() {
      memory = null;
      try {
        storage?.removeItem(STORAGE_KEY);
      } catch {
        // nothing stored, nothing lost
      }
    },
  };
}

/** Anything a user or extension could have left under our key must not break the flow. */
function parseStoredAttempts(raw: string): StoredAttempts | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { attempts, savedAt } = value as Record<string, unknown>;
    if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0) return null;
    if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return null;
    return { attempts, savedAt };
  } catch {
    return null;
  }
}
