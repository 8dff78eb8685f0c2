/**
 * What the header says is loaded, computed from the slices' state (the UI turns it into text).
 */
import type { TableInfo } from '../worker/protocol';
import type { SampleStatus } from './tablesSlice';

/** The data source(s) behind the loaded tables. */
export type LoadedSource = 'sample' | 'files' | 'sampleAndFiles';

/** A summary of the loaded data, as a union. */
export type LoadedStatus =
  | { readonly kind: 'loadingSample' }
  | { readonly kind: 'sampleFailed'; readonly message: string }
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'loaded';
      readonly source: LoadedSource;
      /** Rows over all loaded tables. */
      readonly rows: number;
      /** Tables holding at least one row. */
      readonly tableCount: number;
      readonly fileCount: number;
    };

/** Summarises the loaded tables for the header. */
export function loadedStatus(tables: readonly TableInfo[], sample: SampleStatus, loadedFileCount: number): LoadedStatus {
  const nonEmpty = tables.filter((t) => t.rowCount > 0);
  const rows = nonEmpty.reduce((sum, t) => sum + t.rowCount, 0);
  const hasSample = sample.status === 'loaded';
  const hasFiles = loadedFileCount > 0;
  if (nonEmpty.length > 0 && (hasSample || hasFiles)) {
    const source: LoadedSource = hasSample && hasFiles ? 'sampleAndFiles' : hasSample ? 'sample' : 'files';
    return { kind: 'loaded', source, rows, tableCount: nonEmpty.length, fileCount: loadedFileCount };
  }
  switch (sample.status) {
    case 'loading':
      return { kind: 'loadingSample' };
    case 'failed':
      return { kind: 'sampleFailed', message: sample.message };
    case 'idle':
    case 'loaded':
      return { kind: 'empty' };
    default: {
      const never: never = sample;
      return never;
    }
  }
}
