/**
 * The tables slice: the loaded tables (as the worker reports them) and the status of
 * the bundled sample's generation.
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

/** State and actions of the tables slice. */
export interface TablesSlice {
  /** The loaded tables, in the worker's order. */
  readonly tables: readonly TableInfo[];
  readonly sample: SampleStatus;
  /** Replaces the loaded-tables list (called from the client's `onTables` subscription). */
  setTables(tables: readonly TableInfo[]): void;
  /** Generates the sample tables in the worker; resolves once they are loaded (never rejects). */
  loadSample(request: SampleRequest): Promise<void>;
}

/** Creates the tables slice. */
export function createTablesSlice<S extends TablesSlice>(client: DataClient): StateCreator<S, [], [], TablesSlice> {
  return (set) => {
    const patch = (partial: Partial<TablesSlice>): void => set(partial as Partial<S>);
    return {
      tables: [],
      sample: { status: 'idle' },
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
    };
  };
}
