/**
 * Test helpers: read generated tables by column name. Used only by the sample's tests.
 */
import type { Table } from '../engine/table/table';
import { cellOf } from '../engine/table/rows';
import type { CellValue } from '../engine/table/rows';

/** Finds a table by name or throws. */
export function tableNamed(tables: readonly Table[], name: string): Table {
  const table = tables.find((t) => t.name === name);
  if (table === undefined) throw new Error(`no table ${name}`);
  return table;
}

/** All values of a column, by name. */
export function valuesOf(table: Table, column: string): CellValue[] {
  const index = table.schema.findIndex((c) => c.name === column);
  if (index < 0) throw new Error(`${table.name} has no column ${column}`);
  const col = table.columns[index];
  const out: CellValue[] = [];
  for (let r = 0; r < table.rowCount; r++) out.push(cellOf(col, r));
  return out;
}

/** Text values of a column, by name. */
export function textsOf(table: Table, column: string): string[] {
  return valuesOf(table, column).map((v) => (v === null ? '' : String(v)));
}

/** Numeric values of a column (null kept), by name. */
export function numbersOf(table: Table, column: string): (number | null)[] {
  return valuesOf(table, column).map((v) => (typeof v === 'number' ? v : null));
}
