/**
 * The main-thread client of the data worker, used by the state layer. It turns the
 * worker protocol's request/response messages into promises and listeners.
 */
import { cancelledError } from '../engine/errors';
import type { FileLoadProgress, LoadFilesResult, QueryResponse, TableInfo, WorkerRequest, WorkerResponse } from './protocol';
import type { ExportFormat, ResultTotal, ResultViewSpec } from './protocol';
import type { ResultTable, TimeRange } from '../engine';
import type { QueryAnalysisReply } from './protocol';
import { resultCapFromSearch } from './resultCapParam';

export type { FileLoadProgress, LoadFilesResult, QueryResponse } from './protocol';

/** Options of one query run besides its text and `now`. */
export interface QueryRunOptions {
  /** The time-range picker's inclusive range; the worker applies it unless the query filters on time itself. */
  readonly timeRange?: TimeRange;
}

/** The part of a `Worker` (or a `MessagePort`) the client needs. */
export interface ClientEndpoint {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  /** Message ports queue messages until started; a `Worker` has no `start`. */
  start?(): void;
}

/** A started query: its reply, and a way to stop it. */
export interface RunningQuery {
  readonly result: Promise<QueryResponse>;
  cancel(): void;
}

/** A request awaiting responses: `handle` returns true when the request is finished; `reject` ends it on failure. */
interface PendingRequest {
  handle(response: WorkerResponse): boolean;
  reject(reason: Error): void;
}

/** A `{ promise, resolve, reject }` triple. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Talks to the data worker. Create it with `DataWorkerClient.start()` in the page; the
 * constructor takes any endpoint (a `MessagePort` in tests).
 */
export class DataWorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, PendingRequest>();
  /** Ids of `loadFiles` requests not finished yet. */
  private readonly runningLoads = new Set<number>();
  private readonly tableListeners = new Set<(tables: readonly TableInfo[]) => void>();
  private latestTables: readonly TableInfo[] | null = null;
  private readonly readyState = deferred<void>();
  private failure: Error | null = null;
  /** Rows sent per result table at most; undefined for Kusto's 500,000 (`?resultCap=` test hook). */
  resultRowCap: number | undefined = undefined;

  /** Starts the data worker (a module worker bundled by Vite) and returns its client. */
  static start(): DataWorkerClient {
    const worker = new Worker(new URL('./dataWorker.ts', import.meta.url), { type: 'module', name: 'data' });
    const client = new DataWorkerClient(worker, () => worker.terminate());
    client.resultRowCap = resultCapFromSearch(globalThis.location?.search ?? '');
    return client;
  }

  constructor(private readonly endpoint: ClientEndpoint, private readonly terminate: () => void = () => undefined) {
    endpoint.addEventListener('message', (event) => this.receive(event.data as WorkerResponse));
    endpoint.addEventListener('error', (event) => {
      // The worker script failed (load error or an uncaught exception at start-up).
      const detail = (event as { message?: unknown }).message;
      const message = typeof detail === 'string' && detail !== '' ? detail : 'the data worker failed';
      this.fail(new Error(message));
    });
    endpoint.start?.();
    // Why: avoid an "unhandled rejection" when nobody awaits ready() before a failure.
    this.readyState.promise.catch(() => undefined);
  }

  /** Subscribes to the loaded-tables list (called at once with the latest list, if any); returns the unsubscribe function. */
  onTables(listener: (tables: readonly TableInfo[]) => void): () => void {
    this.tableListeners.add(listener);
    if (this.latestTables !== null) listener(this.latestTables);
    return () => {
      this.tableListeners.delete(listener);
    };
  }

  /** Resolves once the worker has started and warmed up the engine. */
  ready(): Promise<void> {
    return this.readyState.promise;
  }

  /** Generates the bundled sample logs (replacing the loaded tables); resolves with rows per table. */
  loadSample(options: { seed: number; anchorMs: number; scale?: number }): Promise<Readonly<Record<string, number>>> {
    return this.requestReply({ type: 'loadSample', id: 0, ...options }, 'sampleLoaded', (response) => response.rowsByTable);
  }

  /**
   * Runs `text` with `now()` fixed at `nowMs`. `cancel()` stops it: through shared memory
   * when the page is cross-origin isolated (the worker sees it mid-query), and by a `cancel`
   * message as a fallback; the returned promise then settles at once with `E_CANCELLED`.
   * `options.timeRange` is the time-range picker's range (applied unless the query filters on time).
   */
  runQuery(text: string, nowMs: number, options?: QueryRunOptions): RunningQuery {
    const result = deferred<QueryResponse>();
    // Why: SharedArrayBuffer exists only in cross-origin isolated pages (COOP/COEP headers).
    const cancelFlag = globalThis.crossOriginIsolated === true ? new Int32Array(new SharedArrayBuffer(4)) : null;
    const id = this.request({ type: 'query', id: 0, text, nowMs, cancelFlag, rowCap: this.resultRowCap, timeRange: options?.timeRange }, (response) => {
      switch (response.type) {
        case 'queryResult':
        case 'queryError':
        case 'failed':
          result.resolve(response);
          return true;
        default:
          return false;
      }
    }, (reason) => result.resolve({ type: 'failed', id, message: reason.message }));
    return {
      result: result.promise,
      cancel: () => {
        if (!this.pending.has(id)) return;
        if (cancelFlag !== null) Atomics.store(cancelFlag, 0, 1);
        this.pending.delete(id);
        this.post({ type: 'cancel', id: this.nextId++, queryId: id });
        result.resolve({ type: 'queryError', id, error: cancelledError() });
      },
    };
  }

  /**
   * Loads files into the tables (appending rows); resolves with one summary per file (per
   * entry of a zip archive) and whether the load was cancelled. `paths` gives the name to
   * report for each file (its relative path inside a dropped or picked folder).
   */
  loadFiles(files: File[], onProgress: (progress: FileLoadProgress) => void, paths?: readonly string[]): Promise<LoadFilesResult> {
    const result = deferred<LoadFilesResult>();
    // Names travel explicitly: a File cloned through a MessagePort in Node loses its name.
    const names = paths ?? files.map((f) => f.name);
    const id = this.request({ type: 'loadFiles', id: 0, files, paths: names }, (response) => {
      switch (response.type) {
        case 'loadProgress': {
          const { type: _type, id: _id, ...progress } = response;
          onProgress(progress);
          return false;
        }
        case 'loadDone':
          this.runningLoads.delete(id);
          result.resolve({ summaries: response.summaries, cancelled: response.cancelled === true });
          return true;
        case 'failed':
          this.runningLoads.delete(id);
          result.reject(new Error(response.message));
          return true;
        default:
          return false;
      }
    }, (reason) => {
      this.runningLoads.delete(id);
      result.reject(reason);
    });
    this.runningLoads.add(id);
    return result.promise;
  }

  /** Cancels every file load in progress; each resolves with `cancelled: true` and keeps nothing. */
  cancelLoads(): void {
    for (const loadId of this.runningLoads) this.post({ type: 'cancelLoad', id: this.nextId++, loadId });
  }

  /** Removes a loaded table; resolves with whether it existed. */
  removeTable(name: string): Promise<boolean> {
    return this.requestReply({ type: 'removeTable', id: 0, name }, 'tableRemoved', (response) => response.removed);
  }

  /** Removes every loaded table. */
  clearAll(): Promise<void> {
    return this.requestReply({ type: 'clearAll', id: 0 }, 'cleared', () => undefined);
  }

  /**
   * The rows of the kept result `resultId` (table `tableIndex`) under `view` (search, sort),
   * computed over all its rows in the worker and capped like a query's.
   */
  viewResult(resultId: number, tableIndex: number, view: ResultViewSpec): Promise<{ readonly table: ResultTable; readonly total: ResultTotal }> {
    return this.requestReply({ type: 'viewResult', id: 0, resultId, tableIndex, view }, 'resultView', (r) => ({ table: r.table, total: r.total }));
  }

  /** Every row of the kept result's table under `view`, exported as CSV or JSON. */
  exportResult(resultId: number, tableIndex: number, view: ResultViewSpec, format: ExportFormat): Promise<{ readonly blob: Blob; readonly rows: number }> {
    return this.requestReply({ type: 'exportResult', id: 0, resultId, tableIndex, view, format }, 'exported', (r) => ({ blob: r.blob, rows: r.rows }));
  }

  /** Parses, binds and lowers `text` in the worker without running it (live analysis). */
  analyzeQuery(text: string): Promise<QueryAnalysisReply> {
    return this.requestReply({ type: 'analyze', id: 0, text }, 'analysis', (r) => (r.error === undefined ? { filtersOnTime: r.filtersOnTime } : { filtersOnTime: r.filtersOnTime, error: r.error }));
  }

  /** Terminates the worker; pending requests are rejected. */
  dispose(): void {
    this.fail(new Error('the data worker was stopped'));
    this.terminate();
  }

  /**
   * Sends a request answered by one response of type `done` (or `failed`): resolves with
   * `pick(response)`, rejects with the worker's message.
   */
  private requestReply<K extends WorkerResponse['type'], T>(
    request: WorkerRequest,
    done: K,
    pick: (response: Extract<WorkerResponse, { type: K }>) => T,
  ): Promise<T> {
    const result = deferred<T>();
    this.request(request, (response) => {
      if (response.type === done) result.resolve(pick(response as Extract<WorkerResponse, { type: K }>));
      else if (response.type === 'failed') result.reject(new Error(response.message));
      else return false;
      return true;
    }, result.reject);
    return result.promise;
  }

  /** Sends `request` with a fresh id and routes responses with that id to `handler`; returns the id. */
  private request(request: WorkerRequest, handle: PendingRequest['handle'], reject: PendingRequest['reject']): number {
    const id = this.nextId++;
    // Why: settle asynchronously so a caller's `id` (used inside `reject` callbacks) is assigned first.
    const fail = (error: Error): void => void Promise.resolve().then(() => reject(error));
    if (this.failure !== null) {
      fail(this.failure);
      return id;
    }
    this.pending.set(id, { handle, reject });
    try {
      this.post({ ...request, id });
    } catch (e) {
      this.pending.delete(id);
      fail(e instanceof Error ? e : new Error(String(e)));
    }
    return id;
  }

  private post(request: WorkerRequest): void {
    this.endpoint.postMessage(request);
  }

  private receive(response: WorkerResponse): void {
    switch (response.type) {
      case 'ready':
        this.readyState.resolve();
        return;
      case 'tables':
        this.latestTables = response.tables;
        for (const listener of this.tableListeners) listener(response.tables);
        return;
      case 'queryResult':
      case 'queryError':
      case 'loadProgress':
      case 'loadDone':
      case 'tableRemoved':
      case 'cleared':
      case 'sampleLoaded':
      case 'resultView':
      case 'exported':
      case 'analysis':
      case 'failed': {
        const request = this.pending.get(response.id);
        if (request !== undefined && request.handle(response)) this.pending.delete(response.id);
        return;
      }
      default: {
        const never: never = response;
        console.warn('unknown data worker response', never);
      }
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.readyState.reject(error);
    const requests = [...this.pending.values()];
    this.pending.clear();
    for (const request of requests) request.reject(error);
  }
}
