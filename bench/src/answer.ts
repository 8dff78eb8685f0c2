/**
 * A query's answer in one shape for every system, and the check that two answers agree.
 * Datetimes are milliseconds since the Unix epoch; 64-bit integers are plain numbers.
 */
import type { ColumnCheck, QuerySpec } from './queries';

/** One cell of a normalized answer. */
export type Cell = number | string | null;

/** A normalized answer: rows of cells in the query's column order. */
export interface Answer {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

function cellsAgree(a: Cell, b: Cell, check: ColumnCheck): boolean {
  if (a === b) return true;
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  switch (check) {
    case 'exact':
      return false;
    case 'float':
      return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    case 'estimate':
      return Math.abs(a - b) <= Math.max(1, 0.02 * Math.max(Math.abs(a), Math.abs(b)));
    default: {
      const never: never = check;
      return never;
    }
  }
}

/** Sort key of a row: its exact cells (group keys and counts), which identify it. */
function rowKey(row: readonly Cell[], spec: QuerySpec): string {
  return JSON.stringify(spec.columns.map((c, i) => (c.check === 'exact' ? row[i] : null)));
}

function sortedRows(rows: readonly (readonly Cell[])[], spec: QuerySpec): (readonly Cell[])[] {
  return rows.map((row) => ({ row, key: rowKey(row, spec) })).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)).map((x) => x.row);
}

function showRow(row: readonly Cell[]): string {
  return JSON.stringify(row);
}

/** Compares two row lists as sets (order ignored); returns why they differ, or null. */
function compareRowSets(expected: readonly (readonly Cell[])[], actual: readonly (readonly Cell[])[], spec: QuerySpec): string | null {
  if (expected.length !== actual.length) return `${actual.length} rows instead of ${expected.length}`;
  const e = sortedRows(expected, spec);
  const a = sortedRows(actual, spec);
  for (let r = 0; r < e.length; r++) {
    for (let c = 0; c < spec.columns.length; c++) {
      if (!cellsAgree(e[r][c], a[r][c], spec.columns[c].check)) {
        return `row ${showRow(a[r])} instead of ${showRow(e[r])} (column ${spec.columns[c].name})`;
      }
    }
  }
  return null;
}

/**
 * For `top N by k desc`: rows whose k is above the last kept value must match one by one;
 * of the rows tied at that value, only how many were kept must match (any of them may be).
 */
function compareTop(expected: Answer, actual: Answer, spec: QuerySpec, keyIndex: number): string | null {
  if (expected.rows.length !== actual.rows.length) return `${actual.rows.length} rows instead of ${expected.rows.length}`;
  if (expected.rows.length === 0) return null;
  const lowest = (rows: readonly (readonly Cell[])[]): Cell => rows.map((r) => r[keyIndex]).reduce((m, v) => ((v as number) < (m as number) ? v : m));
  const cut = lowest(expected.rows);
  if (lowest(actual.rows) !== cut) return `last kept ${spec.topBy} is ${String(lowest(actual.rows))} instead of ${String(cut)}`;
  const above = (rows: readonly (readonly Cell[])[]): (readonly Cell[])[] => rows.filter((r) => r[keyIndex] !== cut);
  return compareRowSets(above(expected.rows), above(actual.rows), spec);
}

/**
 * Whether `actual` agrees with `expected` for `spec`: same columns, same rows after sorting,
 * numbers within the column's tolerance, ties of a `top` cut allowed. Returns why not, or null.
 */
export function compareAnswers(expected: Answer, actual: Answer, spec: QuerySpec): string | null {
  const names = spec.columns.map((c) => c.name);
  for (const answer of [expected, actual]) {
    if (answer.columns.length !== names.length || answer.columns.some((c, i) => c !== names[i])) {
      return `columns ${answer.columns.join(', ')} instead of ${names.join(', ')}`;
    }
  }
  if (spec.topBy !== undefined) return compareTop(expected, actual, spec, names.indexOf(spec.topBy));
  return compareRowSets(expected.rows, actual.rows, spec);
}
