/**
 * The data worker's request handling, without any DOM or worker API: it owns the catalog
 * of loaded tables and answers `WorkerRequest`s by posting `WorkerResponse`s through a
 * callback. `dataWorker.ts` wires it to the worker's messages; tests drive it in Node.
 */
import type { CancelSignal } from '../engine/cancel';
import { cancelSignalFromFlag } from '../engine/cancel';
import type { Catalog, Table } from '../engine/table/table';
import type { Column } from '../engine/table/column';
import type { TimeRange } from '../engine/timeScope';
import { timeBoundsOf } from '../engine/timeScope';
import type { QueryAnalysis } from '../engine/analyze';
import type { QueryOutcome, ResultTable } from '../engine/result';
import { cancelledError, internalError } from '../engine/errors';
import { fingerprintBlob, loadFile } from '../ingest/load';
import { concatTables } from '../ingest/concatTables';
import type { TableInfo, WorkerRequest, WorkerResponse } from './protocol';
import type { FileLoader, Fingerprinter, KnownFile } from './fileLoadRun';
import { runFileLoad } from './fileLoadRun';
import { ResultService } from './resultService';

/** Options of one engine run, as `runQuery` in `src/engine/index.ts` takes them. */
export interface EngineRunOptions {
  readonly now: number;
  /** The time-range picker's range (see `RunOptions.timeRange` of the engine). */
  readonly timeRange?: TimeRange;
  readonly cancel?: CancelSignal;
}

/** Options of the bundled sample generator (`generateSampleTables` in `src/sample`). */
export interface SampleOptions {
  readonly seed: number;
  readonly anchorMs: number;
  readonly days?: number;
  readonly scale?: number;
}

/**
 * What the service runs. The worker passes the real engine, sample generator and loader;
 * keeping them as parameters keeps this module free of start-up work (Kusto.Language).
 */
export interface DataServiceDeps {
  runQuery(text: string, catalog: Catalog, options: EngineRunOptions): QueryOutcome;
  generateSampleTables(options: SampleOptions): Table[];
  /** The engine's `analyzeQuery` (live analysis); without it `analyze` requests answer "no time filter, no error". */
  analyzeQuery?(text: string, catalog: Catalog): QueryAnalysis;
  /** Defaults to the ingest `loadFile`. */
  loadFile?: FileLoader;
  /** Defaults to the ingest `fingerprintBlob` (SHA-256 of the content). */
  fingerprint?: Fingerprinter;
}

/** Sends one response; `transfer` lists buffers to move (not copy) to the page. */
export type PostResponse = (response: WorkerResponse, transfer: ArrayBuffer[]) => void;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The typed-array buffers a column stores its values in. */
function buffersOf(column: Column): ArrayBufferLike[] {
  switch (column.kind) {
    case 'number':
      return column.nulls === null ? [column.data.buffer] : [column.data.buffer, column.nulls.buffer];
    case 'string':
      return [column.codes.buffer];
    case 'dynamic':
      return [];
    default: {
      const never: never = column;
      return never;
    }
  }
}

/** Owns the loaded tables and handles the worker protocol's requests. */
export class DataService {
  private tables = new Map<string, Table>();
  /** Queries cancelled by message before they started (ids of later queries only). */
  private readonly cancelledQueries = new Set<number>();
  private lastStartedQueryId = -1;
  private readonly loadFile: FileLoader;
  private readonly fingerprint: Fingerprinter;
  /** Files loaded (or loading), by content fingerprint: a second drop of the same content is skipped. */
  private readonly knownFiles = new Map<string, KnownFile>();
  /** `loadFiles` requests cancelled by `cancelLoad` (checked between chunks). */
  private readonly cancelledLoads = new Set<number>();
  /** The last few query results, whole, for sorting, searching and export (`resultService.ts`). */
  private readonly results = new ResultService();

  constructor(private readonly deps: DataServiceDeps, private readonly post: PostResponse) {
    this.loadFile = deps.loadFile ?? loadFile;
    this.fingerprint = deps.fingerprint ?? fingerprintBlob;
  }

  /** The loaded tables as a query catalog. */
  catalog(): Catalog {
    return { tables: this.tables };
  }

  /** The loaded tables as the page sees them, by name. */
  tableInfos(): TableInfo[] {
    return [...this.tables.values()]
      .map((t) => {
        const bounds = timeBoundsOf(t);
        const info: TableInfo = { name: t.name, columns: t.schema, rowCount: t.rowCount };
        return bounds === null ? info : { ...info, minTimeMs: bounds.minMs, maxTimeMs: bounds.maxMs };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Handles one request. Never rejects: every failure is posted as `failed` or `queryError`. */
  async handle(request: WorkerRequest): Promise<void> {
    try {
      switch (request.type) {
        case 'loadSample':
          this.loadSample(request);
          return;
        case 'query':
          this.query(request);
          return;
        case 'analyze': {
          const analysis = this.deps.analyzeQuery?.(request.text, this.catalog()) ?? { filtersOnTime: false };
          this.post({ type: 'analysis', id: request.id, ...analysis }, []);
          return;
        }
        case 'cancel':
          this.cancel(request);
          return;
        case 'loadFiles':
          await this.loadFiles(request);
          return;
        case 'cancelLoad':
          this.cancelledLoads.add(request.loadId);
          return;
        case 'removeTable':
          this.removeTable(request);
          return;
        case 'clearAll':
          this.clearAll(request);
          return;
        case 'viewResult': {
          const { response, fresh } = this.results.view(request);
          this.post(response, fresh ? this.transferableBuffers([response.table]) : []);
          return;
        }
        case 'exportResult':
          this.post(this.results.export(request), []);
          return;
        default: {
          const never: never = request;
          throw new Error(`unknown request ${JSON.stringify(never)}`);
        }
      }
    } catch (e) {
      if (request.type === 'query') this.post({ type: 'queryError', id: request.id, error: internalError(messageOf(e)) }, []);
      else this.post({ type: 'failed', id: request.id, message: messageOf(e) }, []);
    }
  }

  /** Generates the sample tables and makes them the loaded tables. */
  loadSample(request: Extract<WorkerRequest, { type: 'loadSample' }>): void {
    const tables = this.deps.generateSampleTables({ seed: request.seed, anchorMs: request.anchorMs, scale: request.scale });
    this.tables = new Map(tables.map((t) => [t.name, t]));
    this.knownFiles.clear();
    const rowsByTable: Record<string, number> = {};
    for (const t of tables) rowsByTable[t.name] = t.rowCount;
    this.post({ type: 'sampleLoaded', id: request.id, rowsByTable }, []);
    this.postTables();
  }

  /** Runs a query over the loaded tables and posts its result or error. */
  query(request: Extract<WorkerRequest, { type: 'query' }>): void {
    this.lastStartedQueryId = Math.max(this.lastStartedQueryId, request.id);
    if (this.cancelledQueries.delete(request.id)) {
      this.post({ type: 'queryError', id: request.id, error: cancelledError() }, []);
      return;
    }
    const flag = request.cancelFlag === null ? null : cancelSignalFromFlag(request.cancelFlag);
    const cancel: CancelSignal = { isCancelled: () => (flag?.isCancelled() ?? false) || this.cancelledQueries.has(request.id) };
    const outcome = this.deps.runQuery(request.text, this.catalog(), { now: request.nowMs, cancel, timeRange: request.timeRange });
    if (!outcome.ok) {
      this.post({ type: 'queryError', id: request.id, error: outcome.error }, []);
      return;
    }
    // The whole result stays here; the page gets the capped rows (moving only buffers made for it).
    const sent = this.results.keep(outcome.tables, request.rowCap);
    const response: WorkerResponse = {
      type: 'queryResult',
      id: request.id,
      tables: sent.tables,
      render: outcome.render,
      elapsedMs: outcome.stats.elapsedMs,
      ...(outcome.timeRangeApplied === undefined ? {} : { timeRangeApplied: outcome.timeRangeApplied }),
      resultId: sent.resultId,
      totals: sent.totals,
    };
    this.post(response, this.transferableBuffers(sent.fresh));
  }

  /**
   * Marks a query cancelled. A running query is stopped through its shared flag (this message
   * waits behind it); this catches queries still queued behind an asynchronous load.
   */
  cancel(request: Extract<WorkerRequest, { type: 'cancel' }>): void {
    if (request.queryId > this.lastStartedQueryId) this.cancelledQueries.add(request.queryId);
  }

  /**
   * Loads files one after another, posting progress, then appends every file's rows to the
   * loaded tables at once and posts one summary per file and the new table list. The same
   * content loaded before is skipped with a notice. A cancelled request keeps nothing.
   */
  async loadFiles(request: Extract<WorkerRequest, { type: 'loadFiles' }>): Promise<void> {
    const cancel: CancelSignal = { isCancelled: () => this.cancelledLoads.has(request.id) };
    let result;
    try {
      result = await runFileLoad(request, { loadFile: this.loadFile, fingerprint: this.fingerprint, post: (r) => this.post(r, []), cancel, known: this.knownFiles });
    } finally {
      this.cancelledLoads.delete(request.id);
    }
    if (result.cancelled) {
      this.post({ type: 'loadDone', id: request.id, summaries: result.summaries, cancelled: true }, []);
      return;
    }
    const { added } = result;
    if (added.size > 0) {
      // A new map: a query holding the previous catalog keeps a consistent view.
      const next = new Map(this.tables);
      for (const [name, parts] of added) {
        const existing = next.get(name);
        next.set(name, concatTables(existing === undefined ? parts : [existing, ...parts]));
      }
      this.tables = next;
    }
    for (const [fingerprint, file] of result.loaded) this.knownFiles.set(fingerprint, file);
    this.post({ type: 'loadDone', id: request.id, summaries: result.summaries }, []);
    if (added.size > 0) this.postTables();
  }

  /** Removes one table; files whose every table is gone may be loaded again. */
  removeTable(request: Extract<WorkerRequest, { type: 'removeTable' }>): void {
    const removed = this.tables.has(request.name);
    if (removed) {
      const next = new Map(this.tables);
      next.delete(request.name);
      this.tables = next;
      for (const [fingerprint, file] of this.knownFiles) {
        file.tables.delete(request.name);
        if (file.tables.size === 0) this.knownFiles.delete(fingerprint);
      }
    }
    this.post({ type: 'tableRemoved', id: request.id, name: request.name, removed }, []);
    if (removed) this.postTables();
  }

  /** Removes every table and forgets the loaded files. */
  clearAll(request: Extract<WorkerRequest, { type: 'clearAll' }>): void {
    this.tables = new Map();
    this.knownFiles.clear();
    this.post({ type: 'cleared', id: request.id }, []);
    this.postTables();
  }

  private postTables(): void {
    this.post({ type: 'tables', tables: this.tableInfos() }, []);
  }

  /**
   * The buffers of result columns that no loaded table uses: those can be moved to the page.
   * A buffer shared with a catalog table is never listed (moving it would empty the table).
   */
  private transferableBuffers(results: readonly ResultTable[]): ArrayBuffer[] {
    const owned = new Set<ArrayBufferLike>();
    for (const table of this.tables.values()) for (const column of table.columns) for (const b of buffersOf(column)) owned.add(b);
    const transfer = new Set<ArrayBuffer>();
    for (const result of results) {
      for (const column of result.data) {
        for (const buffer of buffersOf(column)) {
          // Why: a SharedArrayBuffer cannot be transferred, and a buffer may back two columns.
          if (buffer instanceof ArrayBuffer && !owned.has(buffer)) transfer.add(buffer);
        }
      }
    }
    return [...transfer];
  }
}
