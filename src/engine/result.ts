import type { Column, ColumnSchema } from './table/column';
import type { RenderSpec } from './plan';
import type { EngineError } from './errors';

/** One result table, columnar. Use `rowsOf` to read it row by row (tests, small results). */
export interface ResultTable {
  readonly name: string;
  readonly columns: readonly ColumnSchema[];
  readonly data: readonly Column[];
  readonly rowCount: number;
}

/** Figures about one run. */
export interface QueryStats {
  /** Wall time of parse, analysis and execution, in milliseconds. */
  readonly elapsedMs: number;
}

/** A successful run: result tables (the first is `PrimaryResult`) and the `render` request, if any. */
export interface QuerySuccess {
  readonly ok: true;
  readonly tables: readonly ResultTable[];
  readonly render?: RenderSpec;
  readonly stats: QueryStats;
  /**
   * Set when the run was given a time range: true when it was applied to the table scans,
   * false when the query filters on `TimeGenerated` itself ("Set in query").
   */
  readonly timeRangeApplied?: boolean;
}

/** A failed run with a structured error. */
export interface QueryFailure {
  readonly ok: false;
  readonly error: EngineError;
}

export type QueryOutcome = QuerySuccess | QueryFailure;
