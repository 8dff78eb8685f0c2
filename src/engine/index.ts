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

/** Options of one run. */
export interface RunOptions {
  /** What `now()` and `ago()` mean, in milliseconds since the Unix epoch; fixed for the whole query. */
  readonly now: number;
  /** Polled while the query runs; when it fires the run ends with `E_CANCELLED`. */
  readonly cancel?: CancelSignal;
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
    const plan = lowerQuery(text, catalog);
    if (cancel.isCancelled()) return { ok: false, error: cancelledError() };
    const { tables, render } = executePlan(plan, catalog, { now: options.now, cancel });
    return { ok: true, tables, render, stats: { elapsedMs: Date.now() - started } };
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
