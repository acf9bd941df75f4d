import type { RecoveryAttemptStore } from './sessionFlowPorts';
import { createTabStorageSlot, type SlotStorage } from './tabStorageSlot';

const STORAGE_KEY = 'ssr-session-flow:recovery-attempts';

interface StoredAttempts {
  attempts: number;
  savedAt: number;
}

/**
 * Keeps the spent recovery attempts per tab, so the loop budget survives document reloads.
 * Entries older than `forgetAfterMs` count as zero: a tab that got stuck an hour ago deserves a
 * fresh try. Without working storage the budget still holds within one document, which still
 * bounds the soft-reload loop.
 */
export function createRecoveryAttemptStore(
  storage: SlotStorage | undefined,
  { forgetAfterMs = 60_000, now = Date.now }: { forgetAfterMs?: number; now?: () => number } = {},
): RecoveryAttemptStore {
  const slot = createTabStorageSlot(storage, STORAGE_KEY, parseStoredAttempts);
  return {
    read() {
      const stored = slot.load();
      if (!stored || now() - stored.savedAt > forgetAfterMs) return 0;
      return stored.attempts;
    },
    write: (attempts) => slot.save({ attempts, savedAt: now() }),
    clear: () => slot.clear(),
  };
}

function parseStoredAttempts(value: unknown): StoredAttempts | null {
  if (typeof value !== 'object' || value === null) return null;
  const { attempts, savedAt } = value as Record<string, unknown>;
  if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0) return null;
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return null;
  return { attempts, savedAt };
}
