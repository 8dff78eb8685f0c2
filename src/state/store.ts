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
export type AppState = TablesSlice & QuerySlice & FilesSlice & AppLifecycle;

/** The store type used by the React bindings. */
export type AppStore = StoreApi<AppState>;

/** What the store is built from. */
export interface AppStoreDeps {
  readonly client: DataClient;
  /** Finds the query block under the caret (`queryBlockAt` of the editor). */
  readonly blockAt: BlockFinder;
  /** Clock; defaults to `Date.now`. */
  readonly now?: () => number;
}

/** Creates the application store around one data client. */
export function createAppStore(deps: AppStoreDeps): AppStore {
  const now = deps.now ?? (() => Date.now());
  let unsubscribeTables: (() => void) | null = null;
  return createStore<AppState>()((set, get, api) => ({
    ...createTablesSlice<AppState>(deps.client)(set, get, api),
    ...createQuerySlice<AppState>({ client: deps.client, blockAt: deps.blockAt, now })(set, get, api),
    ...createFilesSlice<AppState>(deps.client)(set, get, api),
    client: deps.client,
    start: async (options) => {
      unsubscribeTables ??= deps.client.onTables((tables) => get().setTables(tables));
      await get().loadSample({ seed: options.seed, anchorMs: options.anchorMs, scale: options.scale });
      // Put the first query in only if the user has not started typing meanwhile; run it
      // only over data (a failed sample is reported in the header instead).
      const { editorText, run, sample } = get();
      if (editorText !== '' || run.status !== 'idle') return;
      if (sample.status === 'loaded') get().loadAndRun(options.initialQuery);
      else get().setEditorText(options.initialQuery);
    },
    dispose: () => {
      unsubscribeTables?.();
      unsubscribeTables = null;
      deps.client.dispose();
    },
  }));
}
