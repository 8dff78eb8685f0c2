/**
 * The typed protocol between the page and the data worker. The worker owns the tables,
 * the engine and ingest; the page only sends requests and receives responses.
 * Every request carries an `id`; responses and progress events echo it.
 */
import type { ColumnSchema, EngineError, RenderSpec, ResultTable, TimeRange } from '../engine';
import type { ResultTotal } from './resultCap';
import type { ResultViewSpec } from './resultView';
import type { ExportFormat } from './resultExport';

export type { ResultTotal, TruncationReason } from './resultCap';
export type { ResultSort, ResultViewSpec } from './resultView';
export type { ExportFormat } from './resultExport';

/** A loaded table as the page sees it (for the schema tree and the editor). */
export interface TableInfo {
  readonly name: string;
  readonly columns: readonly ColumnSchema[];
  readonly rowCount: number;
  /** Oldest and newest non-null `TimeGenerated` (ms since the epoch) when the table has a `datetime` one with values. */
  readonly minTimeMs?: number;
  readonly maxTimeMs?: number;
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
   * table takes. Superseded by `extraColumns` (such fields are now kept); no longer sent.
   */
  readonly unmappedFields?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Per table, per extra column: fields with no documented column, KEPT as extra columns
   * appended after the documented ones; the number is how many rows carried the field.
   */
  readonly extraColumns?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Notes that did not stop the load (e.g. a truncated .gz, a renamed extra column). */
  readonly warnings?: readonly string[];
  /** How the file was stored: plain, gzip-compressed, or an entry of a zip archive. */
  readonly compression?: 'none' | 'gzip' | 'zip';
  /** Set when the same content was already loaded (under this name): the file was skipped. */
  readonly duplicateOf?: string;
}

export type WorkerRequest =
  /** Generate the bundled sample logs anchored at `anchorMs` and make them the loaded tables. */
  | { readonly type: 'loadSample'; readonly id: number; readonly seed: number; readonly anchorMs: number; readonly scale?: number }
  /**
   * Run a query. `cancelFlag` is a one-cell Int32Array over a SharedArrayBuffer;
   * the page stores 1 into it to cancel (the worker is busy, so a message would wait).
   */
  | {
      readonly type: 'query';
      readonly id: number;
      readonly text: string;
      readonly nowMs: number;
      readonly cancelFlag: Int32Array | null;
      /** Most rows sent per result table (default Kusto's 500,000); a test hook lowers it (`?resultCap=`). */
      readonly rowCap?: number;
      /** The time-range picker's inclusive range, applied at table scans unless the query filters on time itself. */
      readonly timeRange?: TimeRange;
    }
  /**
   * Re-reads the kept result `resultId` (table `tableIndex`) filtered by a search text and
   * sorted by one column, over all its rows; answered by `resultView` (rows capped as a query's).
   */
  | { readonly type: 'viewResult'; readonly id: number; readonly resultId: number; readonly tableIndex: number; readonly view: ResultViewSpec }
  /** Exports ALL rows of the kept result's table under `view` (no cap) as CSV or JSON; answered by `exported`. */
  | { readonly type: 'exportResult'; readonly id: number; readonly resultId: number; readonly tableIndex: number; readonly view: ResultViewSpec; readonly format: ExportFormat }
  /** Parse, bind and lower `text` without running it (live analysis while typing); answered by `analysis`. */
  | { readonly type: 'analyze'; readonly id: number; readonly text: string }
  /** Cancel a query (fallback when shared memory is not available). */
  | { readonly type: 'cancel'; readonly id: number; readonly queryId: number }
  /**
   * Load dropped files and append their rows to the tables. `paths`, when given, holds the
   * name to report for each file (its relative path inside a dropped or picked folder).
   */
  | { readonly type: 'loadFiles'; readonly id: number; readonly files: readonly File[]; readonly paths?: readonly string[] }
  /** Cancel the `loadFiles` request `loadId`: nothing of it is kept. */
  | { readonly type: 'cancelLoad'; readonly id: number; readonly loadId: number }
  /** Remove one loaded table. */
  | { readonly type: 'removeTable'; readonly id: number; readonly name: string }
  /** Remove every loaded table (and forget which files were loaded). */
  | { readonly type: 'clearAll'; readonly id: number };

export type WorkerResponse =
  /** The worker has started and Kusto.Language is warmed up. */
  | { readonly type: 'ready' }
  /** The set of loaded tables changed. */
  | { readonly type: 'tables'; readonly tables: readonly TableInfo[] }
  | {
      readonly type: 'queryResult';
      readonly id: number;
      readonly tables: readonly ResultTable[];
      readonly render?: RenderSpec;
      readonly elapsedMs: number;
      /** The id under which the worker keeps the whole result (for `viewResult` and `exportResult`). */
      readonly resultId?: number;
      /** Per table: its full row count and why fewer rows were sent (`tables[i]` holds the sent rows). */
      readonly totals?: readonly ResultTotal[];
      /** Set when the query was sent a `timeRange`: whether it applied (false: the query filters on time itself). */
      readonly timeRangeApplied?: boolean;
    }
  /** Answer to `analyze`: whether the query sets its own time filter, and the error running it would give. */
  | { readonly type: 'analysis'; readonly id: number; readonly filtersOnTime: boolean; readonly error?: EngineError }
  /** Answer to `viewResult`: the (capped) rows of the view and the view's full row count. */
  | { readonly type: 'resultView'; readonly id: number; readonly table: ResultTable; readonly total: ResultTotal }
  /** Answer to `exportResult`: the file content and how many rows it holds. */
  | { readonly type: 'exported'; readonly id: number; readonly blob: Blob; readonly rows: number }
  | { readonly type: 'queryError'; readonly id: number; readonly error: EngineError }
  | {
      readonly type: 'loadProgress';
      readonly id: number;
      readonly fileName: string;
      readonly bytesRead: number;
      readonly totalBytes: number;
      readonly rows: number;
      /** 0-based index of the file among the request's files, and their number. */
      readonly fileIndex?: number;
      readonly fileCount?: number;
      /** Progress over the request's whole set of files: bytes read of all files, their total, rows so far. */
      readonly setBytesRead?: number;
      readonly setTotalBytes?: number;
      readonly setRows?: number;
    }
  /** A `loadFiles` request finished; `cancelled` when it was cancelled (then nothing of it was kept). */
  | { readonly type: 'loadDone'; readonly id: number; readonly summaries: readonly FileLoadSummary[]; readonly cancelled?: boolean }
  /** Answer to `removeTable`: whether the table existed. */
  | { readonly type: 'tableRemoved'; readonly id: number; readonly name: string; readonly removed: boolean }
  /** Answer to `clearAll`. */
  | { readonly type: 'cleared'; readonly id: number }
  | { readonly type: 'sampleLoaded'; readonly id: number; readonly rowsByTable: Readonly<Record<string, number>> }
  /** A request failed outside the engine (a bug or an unreadable input). */
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** The worker's answer to one `query` request: a result, a structured engine error, or a request failure. */
export type QueryResponse = Extract<WorkerResponse, { readonly type: 'queryResult' | 'queryError' | 'failed' }>;

/** The worker's answer to one `analyze` request (without its envelope). */
export type QueryAnalysisReply = Omit<Extract<WorkerResponse, { readonly type: 'analysis' }>, 'type' | 'id'>;

/** Progress of one file while it loads (the `loadProgress` event without its envelope). */
export type FileLoadProgress = Omit<Extract<WorkerResponse, { readonly type: 'loadProgress' }>, 'type' | 'id'>;

/** What a `loadFiles` request produced, as the page sees it. */
export interface LoadFilesResult {
  /** One summary per loaded file (per entry of a zip archive). */
  readonly summaries: readonly FileLoadSummary[];
  /** True when the load was cancelled: nothing of it was kept. */
  readonly cancelled: boolean;
}
