/**
 * The application store: one zustand store made of slices (tables, query, files), owning
 * the data worker client. Created once by the page (`src/main.tsx`).
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { DataClient } from './dataClient';
import type { BlockFinder } from './queryLogic';
import type { TablesSlice } from './tablesSlice';
import { createTablesSlice } from './tablesSlice';
import type { QuerySlice } from './querySlice';
import { createQuerySlice } from './querySlice';
import type { FilesSlice } from './filesSlice';
import { createFilesSlice } from './filesSlice';
import type { TimeSlice } from './timeSlice';
import { createTimeSlice } from './timeSlice';
import type { TabsSlice } from './tabsSlice';
import { createTabsSlice } from './tabsSlice';
import type { SavedQueriesSlice } from './savedQueriesSlice';
import { createSavedQueriesSlice } from './savedQueriesSlice';
import type { HistorySlice } from './historySlice';
import { createHistorySlice } from './historySlice';
import { recordRunHistory } from './historyRecorder';
import type { KeyValueStorage } from './persistence/storage';
import { browserLocalStorage } from './persistence/storage';
import type { StoredWorkspace } from './persistence/workspaceStorage';
import { persistWorkspace, readWorkspace } from './persistence/workspaceStorage';

/** Options of the start-up sequence. */
export interface StartOptions {
  /** Seed of the bundled sample logs. */
  readonly seed: number;
  /** The sample's "now" (its newest events are just before it). */
  readonly anchorMs: number;
  /** Sample volume multiplier (from `?rows=`), undefined for the default. */
  readonly scale?: number;
  /** Query put into the editor and run once the sample is loaded. */
  readonly initialQuery: string;
}

/** The lifecycle actions of the whole app. */
export interface AppLifecycle {
  /** The data client the store owns. */
  readonly client: DataClient;
  /**
   * Subscribes to the worker's table list, generates the sample and then runs
   * `initialQuery`, so the page opens with rows in the grid.
   */
  start(options: StartOptions): Promise<void>;
  /** Unsubscribes and terminates the worker. */
  dispose(): void;
}

/** The whole state: every slice plus the lifecycle. */
export type AppState = TablesSlice & QuerySlice & FilesSlice & TabsSlice & SavedQueriesSlice & HistorySlice & TimeSlice & AppLifecycle;

/** The store type used by the React bindings. */
export type AppStore = StoreApi<AppState>;

/** What the store is built from. */
export interface AppStoreDeps {
  readonly client: DataClient;
  /** Finds the query block under the caret (`queryBlockAt` of the editor). */
  readonly blockAt: BlockFinder;
  /** Clock; defaults to `Date.now`. */
  readonly now?: () => number;
  /**
   * Where the workspace (tabs, saved queries, history) persists; undefined: the page's
   * `localStorage` when there is one; null: nothing is read or saved.
   */
  readonly storage?: KeyValueStorage | null;
}

/** Creates the application store around one data client. */
export function createAppStore(deps: AppStoreDeps): AppStore {
  const now = deps.now ?? (() => Date.now());
  let unsubscribeTables: (() => void) | null = null;
  const storage = deps.storage === undefined ? browserLocalStorage() : deps.storage;
  const stored: StoredWorkspace = storage === null ? { tabs: null, savedQueries: null, history: null, corrupt: false } : readWorkspace(storage);
  let stopWorkspace: (() => void) | null = null;
  const store = createStore<AppState>()((set, get, api) => ({
    ...createTablesSlice<AppState>(deps.client)(set, get, api),
    ...createQuerySlice<AppState>({
      client: deps.client,
      blockAt: deps.blockAt,
      now,
      // A run reports to the tab it started in, which may no longer be the active one.
      routeRun: () => {
        const tabId = get().activeTabId;
        return (run) => get().deliverTabRun(tabId, run);
      },
      // The time-range picker's `now` and range for each run.
      runTime: () => get().runTimeNow(),
    })(set, get, api),
    ...createFilesSlice<AppState>(deps.client)(set, get, api),
    ...createTabsSlice<AppState>(stored.tabs)(set, get, api),
    ...createSavedQueriesSlice<AppState>({ blockAt: deps.blockAt, now, restored: stored.savedQueries })(set, get, api),
    ...createHistorySlice<AppState>(stored.history)(set, get, api),
    ...createTimeSlice<AppState>({ client: deps.client, blockAt: deps.blockAt, now, storage })(set, get, api),
    client: deps.client,
    start: async (options) => {
      unsubscribeTables ??= deps.client.onTables((tables) => get().setTables(tables));
      await get().loadSample({ seed: options.seed, anchorMs: options.anchorMs, scale: options.scale });
      // Put the first query in only if the user has not started typing meanwhile; run it
      // only over data (a failed sample is reported in the header instead).
      // A link's query opened meanwhile runs now; a restored workspace runs nothing.
      if (get().pendingRunTabId !== null) {
        if (get().sample.status === 'loaded') get().runPendingTab();
        return;
      }
      if (get().tabsRestored) return;
      const { editorText, run, sample } = get();
      if (editorText !== '' || run.status !== 'idle') return;
      if (sample.status === 'loaded') get().loadAndRun(options.initialQuery);
      else get().setEditorText(options.initialQuery);
    },
    dispose: () => {
      unsubscribeTables?.();
      unsubscribeTables = null;
      stopWorkspace?.();
      stopWorkspace = null;
      deps.client.dispose();
    },
  }));
  // The restored active tab's text goes into the editor (the query slice).
  const restoredActive = stored.tabs?.tabs.find((t) => t.id === stored.tabs?.activeTabId);
  if (restoredActive !== undefined) store.getState().replaceQueryState({ text: restoredActive.text, cursor: restoredActive.cursor, run: { status: 'idle' } });
  if (stored.corrupt) store.getState().showWorkspaceNotice('storageReset');
  const stopHistory = recordRunHistory(store, now);
  const stopPersisting = storage === null ? null : persistWorkspace(store, storage);
  stopWorkspace = () => {
    stopHistory();
    stopPersisting?.();
  };
  return store;
}
