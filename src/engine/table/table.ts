import type { Column, ColumnSchema } from './column';

/**
 * A columnar table: a schema plus one column per schema entry, all of `rowCount` rows.
 * Tables are immutable once built; appending rows builds a new table
 * (see `appendTables`).
 */
export interface Table {
  readonly name: string;
  readonly schema: readonly ColumnSchema[];
  readonly columns: readonly Column[];
  readonly rowCount: number;
}

/** The set of loaded tables a query runs against, by table name. */
export interface Catalog {
  readonly tables: ReadonlyMap<string, Table>;
}

/** Makes a catalog from a list of tables (later tables with the same name win). */
export function catalogOf(tables: readonly Table[]): Catalog {
  return { tables: new Map(tables.map((t) => [t.name, t])) };
}
