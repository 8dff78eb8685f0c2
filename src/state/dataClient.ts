/**
 * What the state layer needs from the data worker client (`src/worker/client.ts`,
 * `DataWorkerClient`). The store is written against this interface so it can be
 * created with the real client in the page; `DataWorkerClient` satisfies it structurally.
 */
import type { FileLoadProgress, LoadFilesResult, QueryResponse, TableInfo } from '../worker/protocol';

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
  /** Runs `text` with `now()` fixed at `nowMs`. */
  runQuery(text: string, nowMs: number): RunningQuery;
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
}

/** Extracts a readable message from anything thrown or rejected. */
export function messageOf(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (typeof reason === 'string') return reason;
  return String(reason);
}
