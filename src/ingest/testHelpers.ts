/**
 * Helpers for the ingest and worker tests: tables as row objects, text as a `File`.
 * DOM-free, so it type-checks with the core (worker) configuration too.
 */
import type { Table } from '../engine/table/table';
import type { CellValue } from '../engine/table/rows';
import { rowsOf } from '../engine/table/rows';

/** A `File` holding `text` (UTF-8). */
export function textFile(text: string, name = 'PT1H.json'): File {
  return new File([text], name);
}

/** The table's rows as objects keyed by column name. */
export function rowObjects(table: Table): Record<string, CellValue>[] {
  return rowsOf(table).map((row) => Object.fromEntries(table.schema.map((c, i) => [c.name, row[i]])));
}

/** The table called `name` in `tables`; throws (failing the test) when absent. */
export function tableNamed(tables: readonly Table[], name: string): Table {
  const table = tables.find((t) => t.name === name);
  if (table === undefined) throw new Error(`no table ${name} among ${tables.map((t) => t.name).join(', ')}`);
  return table;
}
