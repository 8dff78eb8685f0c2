/**
 * The tables slice: the loaded tables (as the worker reports them), the status of the
 * bundled sample's generation, and removing tables.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { TableInfo } from '../worker/protocol';
import type { DataClient, SampleRequest } from './dataClient';
import { messageOf } from './dataClient';

/** Status of the sample generation, as a union. */
export type SampleStatus =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly rowsByTable: Readonly<Record<string, number>> }
  | { readonly status: 'failed'; readonly message: string };

/** Status of the latest remove/clear action, as a union. */
export type TableActionStatus =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'failed'; readonly message: string };

/** State and actions of the tables slice. */
export interface TablesSlice {
  /** The loaded tables, in the worker's order. */
  readonly tables: readonly TableInfo[];
  readonly sample: SampleStatus;
  readonly tableAction: TableActionStatus;
  /** Replaces the loaded-tables list (called from the client's `onTables` subscription). */
  setTables(tables: readonly TableInfo[]): void;
  /** Generates the sample tables in the worker; resolves once they are loaded (never rejects). */
  loadSample(request: SampleRequest): Promise<void>;
  /** Removes one loaded table (the list updates when the worker reports it; never rejects). */
  removeTable(name: string): Promise<void>;
  /** Removes every loaded table (never rejects). */
  clearAllTables(): Promise<void>;
}

/** Creates the tables slice. */
export function createTablesSlice<S extends TablesSlice>(client: DataClient): StateCreator<S, [], [], TablesSlice> {
  return (set) => {
    const patch = (partial: Partial<TablesSlice>): void => set(partial as Partial<S>);
    const act = async (action: () => Promise<unknown>): Promise<void> => {
      patch({ tableAction: { status: 'running' } });
      try {
        await action();
        patch({ tableAction: { status: 'idle' } });
      } catch (e) {
        patch({ tableAction: { status: 'failed', message: messageOf(e) } });
      }
    };
    return {
      tables: [],
      sample: { status: 'idle' },
      tableAction: { status: 'idle' },
      setTables: (tables) => patch({ tables }),
      loadSample: async (request) => {
        patch({ sample: { status: 'loading' } });
        try {
          const rowsByTable = await client.loadSample(request);
          patch({ sample: { status: 'loaded', rowsByTable } });
        } catch (e) {
          patch({ sample: { status: 'failed', message: messageOf(e) } });
        }
      },
      removeTable: (name) => act(() => client.removeTable(name)),
      clearAllTables: () => act(() => client.clearAll()),
    };
  };
}
