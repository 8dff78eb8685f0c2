/**
 * Pure logic of the results grid's view: the sort cycle of a header click, moving columns,
 * cell ranges, and the clipboard text of cells and rows. Unit-tested in Node.
 */
import type { Column, ResultTable } from '../../engine';
import type { ResultSort } from '../../worker/protocol';
import type { CellFormatter } from './formatCell';

/**
 * Kusto's row limit of a result (the worker's `RESULT_ROW_CAP`; the UI may not import worker
 * code): a result cut at another count was capped by the `?resultCap=` test hook.
 */
export const KUSTO_ROW_LIMIT = 500_000;

/** The next sort after a click on column `column`'s header: ascending, descending, off. */
export function nextSort(current: ResultSort | null, column: number): ResultSort | null {
  if (current === null || current.column !== column) return { column, descending: false };
  if (!current.descending) return { column, descending: true };
  return null;
}

/** `order` with the item at `from` moved to `to` (both clamped); the same array when nothing moves. */
export function moveItem<T>(order: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(order.length - 1, to));
  if (from < 0 || from >= order.length || from === target) return [...order];
  const next = [...order];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item);
  return next;
}

/** A grid position: a row of the shown table and a position among the visible columns. */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

/** The rectangle between two positions (inclusive), as row and column ranges. */
export interface CellRange {
  readonly rowStart: number;
  readonly rowEnd: number;
  readonly colStart: number;
  readonly colEnd: number;
}

/** The rectangle spanned by `anchor` and `focus`. */
export function rangeOf(anchor: CellPosition, focus: CellPosition): CellRange {
  return {
    rowStart: Math.min(anchor.row, focus.row),
    rowEnd: Math.max(anchor.row, focus.row),
    colStart: Math.min(anchor.col, focus.col),
    colEnd: Math.max(anchor.col, focus.col),
  };
}

/** True when `range` holds the cell at `row`, `col`. */
export function inRange(range: CellRange, row: number, col: number): boolean {
  return row >= range.rowStart && row <= range.rowEnd && col >= range.colStart && col <= range.colEnd;
}

/** A cell's text for tab-separated copying: tabs and line breaks become spaces so rows stay rows. */
function tsvText(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

/**
 * The cells of `range` as tab-separated lines. `columns` maps visible positions to table column
 * indices (the grid's order, hidden columns left out).
 */
export function rangeToTsv(table: ResultTable, columns: readonly number[], range: CellRange, formatter: CellFormatter): string {
  const lines: string[] = [];
  for (let r = range.rowStart; r <= range.rowEnd; r++) {
    const cells: string[] = [];
    for (let c = range.colStart; c <= range.colEnd; c++) cells.push(tsvText(formatter.format(table.data[columns[c]], r)));
    lines.push(cells.join('\t'));
  }
  return lines.join('\n');
}

/** A cell as a JSON value: numbers and booleans typed, datetimes and timespans as their text, dynamic nested. */
export function cellJson(column: Column, row: number, formatter: CellFormatter): unknown {
  switch (column.kind) {
    case 'number': {
      if (column.nulls !== null && column.nulls[row] === 1) return null;
      const value = column.data[row];
      if (column.type === 'bool') return value !== 0;
      // JSON.stringify cannot write a BigInt: an exact long beyond ±2^53 is copied as its digits in a string.
      if (column.exact !== undefined) return column.exact[row].toString();
      if (column.type === 'datetime' || column.type === 'timespan' || !Number.isFinite(value)) return formatter.format(column, row);
      return value;
    }
    case 'string': {
      const code = column.codes[row];
      return code < 0 ? null : column.dict[code];
    }
    case 'dynamic':
      return column.values[row];
    default: {
      const never: never = column;
      return never;
    }
  }
}

/** Row `row` of `table` as a JSON object of the `columns` (table column indices), pretty-printed. */
export function rowToJson(table: ResultTable, columns: readonly number[], row: number, formatter: CellFormatter): string {
  const object: Record<string, unknown> = {};
  for (const c of columns) object[table.columns[c].name] = cellJson(table.data[c], row, formatter);
  return JSON.stringify(object, null, 2);
}

/** `query-results-<yyyyMMdd-HHmmss>.<ext>` for a download made at `date` (local time). */
export function exportFileName(date: Date, extension: string): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
  return `query-results-${stamp}.${extension}`;
}
