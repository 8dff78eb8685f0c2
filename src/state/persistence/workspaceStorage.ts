/**
 * Reading the whole workspace at start-up, and saving it as it changes: tabs (debounced,
 * they change on every keystroke and caret move), saved queries and history (at once).
 * Pending saves are flushed when the page is hidden or unloaded.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { QuerySlice } from '../querySlice';
import type { RestoredTabs, TabsSlice } from '../tabsSlice';
import type { SavedQueriesSlice, SavedQuery } from '../savedQueriesSlice';
import type { HistoryEntry, HistorySlice } from '../historySlice';
import type { KeyValueStorage } from './storage';
import { STORAGE_KEYS, readItem, removeItem, writeItem } from './storage';
import type { ReadResult } from './validate';
import { parseHistoryRecord, parseSavedQueriesRecord, parseTabsRecord, serializeHistory, serializeSavedQueries, serializeTabs } from './records';

/** The workspace as read from storage; a corrupt record reads as absent and sets `corrupt`. */
export interface StoredWorkspace {
  readonly tabs: RestoredTabs | null;
  readonly savedQueries: readonly SavedQuery[] | null;
  readonly history: readonly HistoryEntry[] | null;
  /** Whether any record was unreadable (it was removed; the app should say so once). */
  readonly corrupt: boolean;
}

/** Reads every record; corrupt ones are removed so the notice about them shows only once. */
export function readWorkspace(storage: KeyValueStorage): StoredWorkspace {
  let corrupt = false;
  const take = <T>(key: string, parse: (raw: string | null) => ReadResult<T>): T | null => {
    const result = parse(readItem(storage, key));
    switch (result.kind) {
      case 'absent':
        return null;
      case 'ok':
        return result.value;
      case 'corrupt':
        corrupt = true;
        removeItem(storage, key);
        return null;
      default: {
        const never: never = result;
        return never;
      }
    }
  };
  const tabs = take(STORAGE_KEYS.tabs, parseTabsRecord);
  const savedQueries = take(STORAGE_KEYS.savedQueries, parseSavedQueriesRecord);
  const history = take(STORAGE_KEYS.history, parseHistoryRecord);
  return { tabs, savedQueries, history, corrupt };
}

type Host = TabsSlice & QuerySlice & SavedQueriesSlice & HistorySlice;

/** The tabs as stored: every tab's text and caret (the active one's from the query slice). */
export function tabsToStore(state: Host): RestoredTabs {
  return {
    tabs: state.tabs.map((t) => {
      const live = t.id === state.activeTabId ? { text: state.editorText, cursor: state.cursorOffset } : state.parkedTabs[t.id];
      return { ...t, text: live?.text ?? '', cursor: live?.cursor ?? 0 };
    }),
    activeTabId: state.activeTabId,
    closed: state.closedTabs,
  };
}

/** Options of `persistWorkspace`. */
export interface PersistOptions {
  /** Delay of the tabs save after the last change. */
  readonly debounceMs?: number;
}

/**
 * Saves the workspace whenever it changes; returns a function that flushes pending saves
 * and stops. The tabs save waits for `debounceMs` of quiet.
 */
export function persistWorkspace(store: StoreApi<Host>, storage: KeyValueStorage, options: PersistOptions = {}): () => void {
  const debounceMs = options.debounceMs ?? 400;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const saveTabs = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    writeItem(storage, STORAGE_KEYS.tabs, serializeTabs(tabsToStore(store.getState())));
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.tabs !== previous.tabs ||
      state.activeTabId !== previous.activeTabId ||
      state.editorText !== previous.editorText ||
      state.cursorOffset !== previous.cursorOffset ||
      state.parkedTabs !== previous.parkedTabs ||
      state.closedTabs !== previous.closedTabs
    ) {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(saveTabs, debounceMs);
    }
    if (state.savedQueries !== previous.savedQueries) writeItem(storage, STORAGE_KEYS.savedQueries, serializeSavedQueries(state.savedQueries));
    if (state.history !== previous.history) writeItem(storage, STORAGE_KEYS.history, serializeHistory(state.history));
  });

  const flush = (): void => {
    if (timer !== null) saveTabs();
  };
  // Why: a reload or a closed page must not lose the last second of typing.
  const target = globalThis as { addEventListener?: (type: string, listener: () => void) => void; removeEventListener?: (type: string, listener: () => void) => void };
  target.addEventListener?.('pagehide', flush);
  target.addEventListener?.('beforeunload', flush);
  return () => {
    flush();
    unsubscribe();
    target.removeEventListener?.('pagehide', flush);
    target.removeEventListener?.('beforeunload', flush);
  };
}
