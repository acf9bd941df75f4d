/** Where a slot keeps its value; `sessionStorage` in the browser (one tab, survives reloads). */
export type SlotStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface TabStorageSlot<T> {
  /** The stored value, `null` when absent or unreadable. */
  load(): T | null;
  save(value: T): void;
  clear(): void;
}

/**
 * One JSON value under one key of per-tab storage. Storage that is absent, full or disabled
 * degrades to memory for this document; whatever a user, an extension or an older version left
 * under the key goes through `parse`, which returns `null` for anything it does not accept.
 * Session recovery must never break because of storage.
 */
export function createTabStorageSlot<T>(
  storage: SlotStorage | undefined,
  key: string,
  parse: (value: unknown) => T | null,
): TabStorageSlot<T> {
  let memory: T | null = null;
  return {
    load() {
      try {
        const raw = storage?.getItem(key);
        if (raw != null) return parseJson(raw, parse);
      } catch {
        // unreadable storage: this document's memory is all there is
      }
      return memory;
    },
    save(value) {
      memory = value;
      try {
        storage?.setItem(key, JSON.stringify(value));
      } catch {
        // quota or disabled storage: the memory copy still serves this document
      }
    },
    clear() {
      memory = null;
      try {
        storage?.removeItem(key);
      } catch {
        // nothing stored, nothing lost
      }
    },
  };
}

/** `window.sessionStorage`, or `undefined` where reading it throws (storage disabled) or on the server. */
export function safeSessionStorage(target: Window | undefined = typeof window === 'undefined' ? undefined : window): Storage | undefined {
  try {
    return target?.sessionStorage;
  } catch {
    return undefined;
  }
}

function parseJson<T>(raw: string, parse: (value: unknown) => T | null): T | null {
  try {
    return parse(JSON.parse(raw));
  } catch {
    return null;
  }
}
