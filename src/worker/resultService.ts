/**
 * The data service's result side: keeps each query's whole result (bounded, `ResultStore`),
 * sends the page at most the capped rows with the totals, and answers view (search + sort)
 * and export requests over the kept rows.
 */
import type { ResultTable } from '../engine';
import type { WorkerRequest, WorkerResponse } from './protocol';
import type { ResultLimits, ResultTotal } from './resultCap';
import { capRows, DEFAULT_RESULT_LIMITS } from './resultCap';
import { viewPositions } from './resultView';
import { exportResult } from './resultExport';
import { ResultStore, type KeptResult } from './resultStore';

/** What to post for one successful query. */
export interface SentResult {
  readonly resultId: number;
  /** The tables to post (capped). */
  readonly tables: readonly ResultTable[];
  readonly totals: readonly ResultTotal[];
  /** The posted tables made for the page alone (their buffers may be moved; the kept ones may not). */
  readonly fresh: readonly ResultTable[];
}

/** The limits of a query asking for `rowCap` rows at most (Kusto's defaults otherwise). */
export function limitsFor(rowCap: number | undefined): ResultLimits {
  if (rowCap === undefined || !Number.isFinite(rowCap) || rowCap < 1) return DEFAULT_RESULT_LIMITS;
  return { ...DEFAULT_RESULT_LIMITS, rowCap: Math.min(Math.floor(rowCap), DEFAULT_RESULT_LIMITS.rowCap) };
}

/** Keeps results and answers `viewResult` / `exportResult`. */
export class ResultService {
  private readonly store = new ResultStore();

  /** Keeps a query's tables and returns what to send the page. */
  keep(tables: readonly ResultTable[], rowCap: number | undefined): SentResult {
    const limits = limitsFor(rowCap);
    const resultId = this.store.add({ tables, limits });
    const sent = tables.map((table) => capRows(table, null, limits));
    return {
      resultId,
      tables: sent.map((s) => s.table),
      totals: sent.map((s) => s.total),
      fresh: sent.filter((s, i) => s.table !== tables[i]).map((s) => s.table),
    };
  }

  /** The rows of a view of a kept result, capped; `fresh` is true when its buffers may be moved. */
  view(request: Extract<WorkerRequest, { type: 'viewResult' }>): { response: Extract<WorkerResponse, { type: 'resultView' }>; fresh: boolean } {
    const { kept, table } = this.tableOf(request.resultId, request.tableIndex);
    const positions = viewPositions(table, request.view);
    const capped = capRows(table, positions, kept.limits);
    return { response: { type: 'resultView', id: request.id, table: capped.table, total: capped.total }, fresh: capped.table !== table };
  }

  /** Every row of a view of a kept result, exported. */
  export(request: Extract<WorkerRequest, { type: 'exportResult' }>): Extract<WorkerResponse, { type: 'exported' }> {
    const { table } = this.tableOf(request.resultId, request.tableIndex);
    const positions = viewPositions(table, request.view);
    const blob = exportResult(table, positions, request.format);
    return { type: 'exported', id: request.id, blob, rows: positions === null ? table.rowCount : positions.length };
  }

  private tableOf(resultId: number, tableIndex: number): { kept: KeptResult; table: ResultTable } {
    const kept = this.store.get(resultId);
    // Why a plain Error: it becomes the `failed` response the page shows.
    if (kept === undefined) throw new Error('This result is no longer kept in memory; run the query again.');
    const table = kept.tables[tableIndex];
    if (table === undefined) throw new Error(`The result has no table ${tableIndex}.`);
    return { kept, table };
  }
}
