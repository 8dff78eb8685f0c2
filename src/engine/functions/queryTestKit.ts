/**
 * Test helper for the function families: runs KQL text through `runQuery` over a small catalog
 * (table `T`) and returns the first result's cells, or the error code. Used by `*.test.ts` only.
 */
import { runQuery } from '../index';
import { tableFromRows } from '../table/builder';
import { catalogOf } from '../table/table';
import type { CellValue } from '../table/rows';
import { rowsOf } from '../table/rows';
import type { ColumnSchema } from '../table/column';

/** Rows of table `T`: a dynamic column `d`, a string `s`, a long `n`. */
const T_SCHEMA: ColumnSchema[] = [
  { name: 'd', type: 'dynamic' },
  { name: 's', type: 'string' },
  { name: 'n', type: 'long' },
];
const T_ROWS = [
  [{ a: { b: [10, 20, 30] }, 'x y': 'spaced', k: 'a' }, 'first', 1],
  [[1, 'two', null, { three: 3 }], '', null],
  [null, 'third', -1],
];

/** The catalog the helpers query: `T` (3 rows) plus `One` (1 row, for scalar expressions). */
export const TEST_CATALOG = catalogOf([
  tableFromRows('T', T_SCHEMA, T_ROWS),
  tableFromRows('One', [{ name: 'x', type: 'long' }], [[1]]),
]);

/** The fixed `now()` of the helpers: 2024-01-15T12:00:00Z. */
export const TEST_NOW = Date.UTC(2024, 0, 15, 12);

/** Column types and rows of `text`'s first result; throws with the error when the query fails. */
export function query(text: string): { types: string[]; rows: CellValue[][] } {
  const outcome = runQuery(text, TEST_CATALOG, { now: TEST_NOW });
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  const table = outcome.tables[0];
  return { types: table.columns.map((c) => c.type), rows: rowsOf(table) };
}

/** The single value of `One | project v = <expr>`, with its type. */
export function scalar(expr: string): { type: string; value: CellValue } {
  const { types, rows } = query(`One | project v = ${expr}`);
  return { type: types[0], value: rows[0][0] };
}

/** The value of `One | project v = <expr>`. */
export function value(expr: string): CellValue {
  return scalar(expr).value;
}

/** The error code of a failing query (`E_UNSUPPORTED`, ...), or 'ok'. */
export function errorCode(text: string): string {
  const outcome = runQuery(text, TEST_CATALOG, { now: TEST_NOW });
  return outcome.ok ? 'ok' : outcome.error.code;
}
