/**
 * The key-value storage the workspace persists into (the page's `localStorage` in the
 * browser, an in-memory map in tests), and reads and writes that never throw: a browser may
 * refuse storage (private mode, quota, blocked cookies) and the app must keep working.
 */

/** The part of the Web Storage API the workspace uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Prefix of every key this app writes (one key per concern). */
export const STORAGE_PREFIX = 'kql-explorer.';

/** The keys of the workspace's stored records. */
export const STORAGE_KEYS = {
  tabs: `${STORAGE_PREFIX}tabs`,
  savedQueries: `${STORAGE_PREFIX}savedQueries`,
  history: `${STORAGE_PREFIX}history`,
} as const;

/** The stored text under `key`, or null when absent or when the storage cannot be read. */
export function readItem(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Writes `value` under `key`; returns false when the storage refused it (e.g. quota exceeded). */
export function writeItem(storage: KeyValueStorage, key: string, value: string): boolean {
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Removes `key`, ignoring a storage that refuses. */
export function removeItem(storage: KeyValueStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to do: the record will be overwritten by the next save, if saving works at all.
  }
}

/**
 * The page's `localStorage`, or null outside a browser or when the browser denies access
 * (reading the property itself throws a SecurityError when storage is blocked).
 */
export function browserLocalStorage(): KeyValueStorage | null {
  try {
    const storage = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

/** An in-memory storage (tests, and a stand-in when the browser gives none). */
export function memoryStorage(initial: Readonly<Record<string, string>> = {}): KeyValueStorage & { readonly items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}
