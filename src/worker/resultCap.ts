/**
 * How many rows of a result the worker sends to the page. Kusto stops a query's result at
 * 500,000 rows (its default `truncationmaxrecords`) and 64 MB (`truncationmaxsize`); the
 * page gets at most that much, with the total row count and the reason, while the worker
 * keeps the whole result for sorting, searching and export.
 */
import type { Column, ResultTable } from '../engine';
import { gatherColumn } from '../engine/table/gather';

/** Kusto's default row limit of a query result. */
export const RESULT_ROW_CAP = 500_000;
/** Kusto's default size limit of a query result, in bytes (estimated here). */
export const RESULT_BYTE_BUDGET = 64 * 1024 * 1024;
/** Rows sampled to estimate the size of a dynamic column's values. */
const DYNAMIC_SAMPLE_ROWS = 256;

/** Why the rows sent to the page stop before the result's end. */
export type TruncationReason = 'rowLimit' | 'sizeLimit';

/** What the page got of one result table: the rows the result has, and why fewer were sent. */
export interface ResultTotal {
  /** Rows of the whole result table (after any search filter of a view). */
  readonly totalRows: number;
  /** Null when every row was sent. */
  readonly truncation: TruncationReason | null;
}

/** The row and byte limits of one query's results. */
export interface ResultLimits {
  readonly rowCap: number;
  readonly byteBudget: number;
}

/** The default limits (Kusto's). */
export const DEFAULT_RESULT_LIMITS: ResultLimits = { rowCap: RESULT_ROW_CAP, byteBudget: RESULT_BYTE_BUDGET };

/**
 * Estimated bytes one row of `columns` takes on its way to the page: 8 (+1 with nulls) per
 * number, 4 per string code plus the average length of its dictionary's distinct strings (the
 * dictionary travels once, so this over-estimates; it errs on the safe side), and the sampled
 * JSON length of dynamic values.
 */
export function estimateRowBytes(columns: readonly Column[]): number {
  let bytes = 0;
  for (const column of columns) {
    switch (column.kind) {
      case 'number':
        bytes += column.nulls === null ? 8 : 9;
        break;
      case 'string': {
        let chars = 0;
        const sample = Math.min(column.dict.length, DYNAMIC_SAMPLE_ROWS);
        for (let i = 0; i < sample; i++) chars += column.dict[i].length;
        bytes += 4 + (sample === 0 ? 0 : (2 * chars) / sample);
        break;
      }
      case 'dynamic': {
        let chars = 0;
        const sample = Math.min(column.length, DYNAMIC_SAMPLE_ROWS);
        for (let i = 0; i < sample; i++) chars += JSON.stringify(column.values[i])?.length ?? 4;
        // A parsed JSON value costs a few times its text in a structured clone.
        bytes += 16 + (sample === 0 ? 0 : (3 * chars) / sample);
        break;
      }
      default: {
        const never: never = column;
        return never;
      }
    }
  }
  return Math.max(1, bytes);
}

/** How many of `rowCount` rows of `columns` may be sent, and why not all. */
export function sendableRows(columns: readonly Column[], rowCount: number, limits: ResultLimits): { rows: number; truncation: TruncationReason | null } {
  const bySize = Math.floor(limits.byteBudget / estimateRowBytes(columns));
  const allowed = Math.min(limits.rowCap, bySize);
  if (rowCount <= allowed) return { rows: rowCount, truncation: null };
  return { rows: allowed, truncation: limits.rowCap <= bySize ? 'rowLimit' : 'sizeLimit' };
}

/**
 * The rows of `table` to send: `positions` (a view's row order; null for the table's own
 * order), cut at the limits. Returns new columns whenever rows are picked or cut, so their
 * buffers can be moved to the page; the table itself when it is sent whole in its order.
 */
export function capRows(table: ResultTable, positions: Int32Array | null, limits: ResultLimits): { table: ResultTable; total: ResultTotal } {
  const totalRows = positions === null ? table.rowCount : positions.length;
  const { rows, truncation } = sendableRows(table.data, totalRows, limits);
  if (positions === null && rows === table.rowCount) return { table, total: { totalRows, truncation } };
  const picked = positions === null ? Int32Array.from({ length: rows }, (_, i) => i) : positions.subarray(0, rows);
  const data = table.data.map((column) => gatherColumn(column, picked));
  return { table: { name: table.name, columns: table.columns, data, rowCount: rows }, total: { totalRows, truncation } };
}
