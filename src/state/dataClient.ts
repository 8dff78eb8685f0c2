/**
 * What the state layer needs from the data worker client (`src/worker/client.ts`,
 * `DataWorkerClient`). The store is written against this interface so it can be
 * created with the real client in the page; `DataWorkerClient` satisfies it structurally.
 */
import type { FileLoadProgress, LoadFilesResult, QueryResponse, TableInfo } from '../worker/protocol';
import type { ExportFormat, ResultTotal, ResultViewSpec } from '../worker/protocol';
import type { ResultTable, TimeRange } from '../engine';
import type { QueryAnalysisReply } from '../worker/protocol';

export type { FileLoadProgress, LoadFilesResult } from '../worker/protocol';

/** The worker's answer to one query: a result, a structured engine error, or a request failure. */
export type QueryReply = QueryResponse;

/** Options of the bundled sample generation. */
export interface SampleRequest {
  readonly seed: number;
  readonly anchorMs: number;
  readonly scale?: number;
}

/** A query started in the worker: its reply and a way to stop it. */
export interface RunningQuery {
  readonly result: Promise<QueryReply>;
  cancel(): void;
}

/** The main-thread data client as the store uses it. */
export interface DataClient {
  /** Subscribes to the loaded-tables list; returns the unsubscribe function. */
  onTables(listener: (tables: readonly TableInfo[]) => void): () => void;
  /** Resolves once the worker has started and warmed up the engine. */
  ready(): Promise<void>;
  /** Generates the sample tables; resolves with rows per table. */
  loadSample(options: SampleRequest): Promise<Readonly<Record<string, number>>>;
  /**
   * Runs `text` with `now()` fixed at `nowMs`; `options.timeRange` is the time-range picker's
   * range (the worker applies it unless the query filters on time itself).
   */
  runQuery(text: string, nowMs: number, options?: { readonly timeRange?: TimeRange }): RunningQuery;
  /** Parses, binds and lowers `text` without running it (live analysis; optional for test doubles). */
  analyzeQuery?(text: string): Promise<QueryAnalysisReply>;
  /**
   * Loads files into the tables; resolves with one summary per file (per zip entry) and whether
   * the load was cancelled. `paths` names each file (its path inside a dropped folder).
   */
  loadFiles(files: File[], onProgress: (progress: FileLoadProgress) => void, paths?: readonly string[]): Promise<LoadFilesResult>;
  /** Cancels every file load in progress (nothing of them is kept). */
  cancelLoads(): void;
  /** Removes a loaded table; resolves with whether it existed. */
  removeTable(name: string): Promise<boolean>;
  /** Removes every loaded table. */
  clearAll(): Promise<void>;
  /** Terminates the worker. */
  dispose(): void;
  /**
   * The rows of a kept result (`RunState.resultId`, table `tableIndex`) under `view` (search,
   * sort), computed over ALL its rows in the worker and capped like a query's result.
   * Optional so test doubles of the other slices need not implement it.
   */
  viewResult?(resultId: number, tableIndex: number, view: ResultViewSpec): Promise<{ readonly table: ResultTable; readonly total: ResultTotal }>;
  /** Every row of a kept result's table under `view`, as a CSV or JSON file (optional, as `viewResult`). */
  exportResult?(resultId: number, tableIndex: number, view: ResultViewSpec, format: ExportFormat): Promise<{ readonly blob: Blob; readonly rows: number }>;
}

/** Extracts a readable message from anything thrown or rejected. */
export function messageOf(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (typeof reason === 'string') return reason;
  return String(reason);
}
