import type { StoreData } from './types';

/**
 * The state holder the app factory is given. Handlers mutate `data` and call `markChanged()`;
 * the app calls `flush()` once per request, so a file-backed store writes at most once per
 * request and an answered request is already on disk.
 */
export interface CoreStore {
  readonly data: StoreData;
  markChanged(): void;
  flush(): void;
  /** Where the data is persisted, or null for memory only. */
  readonly filePath: string | null;
}

export function emptyStoreData(): StoreData {
  return { apps: new Map() };
}

/** Memory-only store: what tests use, one fresh store per test. */
export function createMemoryStore(initial: StoreData = emptyStoreData()): CoreStore {
  return {
    data: initial,
    filePath: null,
    markChanged() {},
    flush() {},
  };
}
