/**
 * The typed protocol between the page and the data worker. The worker owns the tables,
 * the engine and ingest; the page only sends requests and receives responses.
 * Every request carries an `id`; responses and progress events echo it.
 */
import type { ColumnSchema, EngineError, RenderSpec, ResultTable } from '../engine';

/** A loaded table as the page sees it (for the schema tree and the editor). */
export interface TableInfo {
  readonly name: string;
  readonly columns: readonly ColumnSchema[];
  readonly rowCount: number;
}

/** What loading one file produced. */
export interface FileLoadSummary {
  readonly fileName: string;
  readonly bytes: number;
  /** Detected format, e.g. `json-lines`. */
  readonly format: string;
  /** Rows appended, per table. */
  readonly rowsByTable: Readonly<Record<string, number>>;
  /** Lines that could not be loaded (all counted; `skipped` lists the first ones). */
  readonly skippedCount: number;
  readonly skipped: readonly { readonly line: number; readonly reason: string }[];
  /** A file-level problem (wrong format, unreadable); nothing of the file was loaded. */
  readonly error?: string;
  /**
   * Per table, per raw field name: how many records carried a field that no column of the
   * table takes (such values are not loaded; listed so they are not lost silently).
   */
  readonly unmappedFields?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export type WorkerRequest =
  /** Generate the bundled sample logs anchored at `anchorMs` and make them the loaded tables. */
  | { readonly type: 'loadSample'; readonly id: number; readonly seed: number; readonly anchorMs: number; readonly scale?: number }
  /**
   * Run a query. `cancelFlag` is a one-cell Int32Array over a SharedArrayBuffer;
   * the page stores 1 into it to cancel (the worker is busy, so a message would wait).
   */
  | { readonly type: 'query'; readonly id: number; readonly text: string; readonly nowMs: number; readonly cancelFlag: Int32Array | null }
  /** Cancel a query (fallback when shared memory is not available). */
  | { readonly type: 'cancel'; readonly id: number; readonly queryId: number }
  /** Load dropped files and append their rows to the tables. */
  | { readonly type: 'loadFiles'; readonly id: number; readonly files: readonly File[] };

export type WorkerResponse =
  /** The worker has started and Kusto.Language is warmed up. */
  | { readonly type: 'ready' }
  /** The set of loaded tables changed. */
  | { readonly type: 'tables'; readonly tables: readonly TableInfo[] }
  | { readonly type: 'queryResult'; readonly id: number; readonly tables: readonly ResultTable[]; readonly render?: RenderSpec; readonly elapsedMs: number }
  | { readonly type: 'queryError'; readonly id: number; readonly error: EngineError }
  | { readonly type: 'loadProgress'; readonly id: number; readonly fileName: string; readonly bytesRead: number; readonly totalBytes: number; readonly rows: number }
  | { readonly type: 'loadDone'; readonly id: number; readonly summaries: readonly FileLoadSummary[] }
  | { readonly type: 'sampleLoaded'; readonly id: number; readonly rowsByTable: Readonly<Record<string, number>> }
  /** A request failed outside the engine (a bug or an unreadable input). */
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** The worker's answer to one `query` request: a result, a structured engine error, or a request failure. */
export type QueryResponse = Extract<WorkerResponse, { readonly type: 'queryResult' | 'queryError' | 'failed' }>;

/** Progress of one file while it loads (the `loadProgress` event without its envelope). */
export type FileLoadProgress = Omit<Extract<WorkerResponse, { readonly type: 'loadProgress' }>, 'type' | 'id'>;
