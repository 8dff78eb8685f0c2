/**
 * The engine's public API. Pure TypeScript with no DOM: it runs in the web worker,
 * in Node (tests, benchmark) and anywhere else a JS runtime is.
 *
 *   runQuery(text, catalog, { now }) -> { ok: true, tables, render?, stats } | { ok: false, error }
 */
import type { Catalog } from './table/table';
import type { QueryOutcome } from './result';
import type { CancelSignal } from './cancel';
import { NEVER_CANCELLED } from './cancel';
import { EngineFailure, internalError, cancelledError } from './errors';
import { lowerQuery, warmUpParser } from './syntax';
import { executePlan } from './operators';
import { cachedPlan } from './planCache';
import type { TimeRange } from './timeScope';
import { effectiveTimeRange } from './analyze';

export type { Catalog, Table } from './table/table';
export { catalogOf } from './table/table';
export type { Column, ColumnSchema, DynamicValue, NumericColumn, StringColumn, DynamicColumn } from './table/column';
export type { ScalarType } from './types/scalarType';
export type { QueryOutcome, QuerySuccess, QueryFailure, ResultTable, QueryStats } from './result';
export type { RenderSpec } from './plan';
export type { EngineError, EngineErrorCode, SourceSpan } from './errors';
export type { CancelSignal } from './cancel';
export { cancelSignalFromFlag, NEVER_CANCELLED } from './cancel';
export { TableBuilder, tableFromRows } from './table/builder';
export { rowsOf } from './table/rows';
export type { TimeRange, TimeBounds } from './timeScope';
export { timeBoundsOf } from './timeScope';
export type { QueryAnalysis } from './analyze';
export { analyzeQuery } from './analyze';

/** Options of one run. */
export interface RunOptions {
  /** What `now()` and `ago()` mean, in milliseconds since the Unix epoch; fixed for the whole query. */
  readonly now: number;
  /** Polled while the query runs; when it fires the run ends with `E_CANCELLED`. */
  readonly cancel?: CancelSignal;
  /**
   * The page's time range (inclusive): every scan of a catalog table with a `datetime`
   * `TimeGenerated` column keeps only rows inside it — unless the query filters on
   * `TimeGenerated` itself (see `analyzeQuery`). The result's `timeRangeApplied` says which.
   */
  readonly timeRange?: TimeRange;
}

/**
 * Parses and analyzes `text` with Kusto.Language against `catalog`, lowers it to the
 * engine's plan and executes it over the catalog's columnar tables.
 * Never throws: every failure comes back as `{ ok: false, error }`.
 */
export function runQuery(text: string, catalog: Catalog, options: RunOptions): QueryOutcome {
  const started = Date.now();
  const cancel = options.cancel ?? NEVER_CANCELLED;
  try {
    // Re-runs of the same text over the same tables reuse the lowered plan (see planCache.ts).
    const plan = cachedPlan(text, catalog, () => lowerQuery(text, catalog));
    if (cancel.isCancelled()) return { ok: false, error: cancelledError() };
    const timeRange = effectiveTimeRange(text, catalog, options.timeRange);
    const { tables, render } = executePlan(plan, catalog, { now: options.now, cancel, timeRange });
    const stats = { elapsedMs: Date.now() - started };
    if (options.timeRange === undefined) return { ok: true, tables, render, stats };
    return { ok: true, tables, render, stats, timeRangeApplied: timeRange !== undefined };
  } catch (e) {
    if (e instanceof EngineFailure) return { ok: false, error: e.error };
    return { ok: false, error: internalError(e instanceof Error ? e.message : String(e)) };
  }
}

/**
 * Loads Kusto.Language and runs a first parse so the user's first query does not pay
 * the ~0.5 s start-up. Safe to call more than once.
 */
export function warmUp(): void {
  warmUpParser();
}
