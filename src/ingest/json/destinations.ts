/**
 * Where the rows of a typed query result go: one table per destination name (from a `Type`
 * column per row, else from the file name). A known table keeps its documented schema;
 * result columns it does not document become extra columns appended after it (created the
 * first time a row has a value there) and are counted for the load summary.
 */
import type { Table } from '../../engine/table/table';
import type { ScalarType } from '../../engine/types/scalarType';
import { KNOWN_TABLES } from '../knownTables';
import { GrowingTable } from './growingTable';
import { typedCell } from './typedCells';

/** A column of a typed result as its producer declared it. */
export interface ResultColumn {
  readonly name: string;
  readonly type: ScalarType;
}

/** Extensions stripped from a file name to name its table. */
const DATA_EXTENSIONS = /\.(?:json|jsonl|ndjson|txt|gz|zip|log)$/i;

/**
 * A KQL-friendly table name from a file name: the last path segment without data
 * extensions, characters other than letters, digits and `_` turned into `_`
 * (`query-result (2).json` -> `query_result__2_`); `_` is prepended before a leading digit.
 */
export function tableNameFromFile(fileName: string): string {
  let base = fileName.split(/[\\/]/).pop() ?? '';
  while (DATA_EXTENSIONS.test(base)) base = base.replace(DATA_EXTENSIONS, '');
  let name = base.replace(/[^A-Za-z0-9_]/g, '_');
  if (name === '') name = 'Table';
  if (/^\d/.test(name)) name = `_${name}`;
  return name;
}

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

interface ConversionProblem {
  count: number;
  readonly line: number;
  readonly type: ScalarType;
}

/** The destination tables of one file, with the bookkeeping its summary needs. */
export class Destinations {
  private readonly tables = new Map<string, GrowingTable>();
  /** Per table, per extra column: how many rows had a value there. */
  readonly extraColumns: Record<string, Record<string, number>> = {};
  private readonly problems = new Map<string, ConversionProblem>();

  /** Rows committed over all tables. */
  get rowCount(): number {
    let rows = 0;
    for (const t of this.tables.values()) rows += t.rowCount;
    return rows;
  }

  /** The table called `name`, made on first use (with its documented schema when it is a known table). */
  table(name: string): GrowingTable {
    let table = this.tables.get(name);
    if (table === undefined) {
      table = new GrowingTable(name, KNOWN_TABLES.get(name) ?? []);
      this.tables.set(name, table);
    }
    return table;
  }

  /** True when a table of that name received a row or was made. */
  has(name: string): boolean {
    return this.tables.has(name);
  }

  /** Counts one row carrying a value in an extra column. */
  countExtra(table: string, column: string): void {
    const counts = (this.extraColumns[table] ??= {});
    counts[column] = (counts[column] ?? 0) + 1;
  }

  /** Remembers a value that could not be read as its column's type (loaded as null). */
  conversionFailed(table: string, column: string, type: ScalarType, line: number): void {
    const key = `${table}\u0000${column}`;
    const problem = this.problems.get(key);
    if (problem === undefined) this.problems.set(key, { count: 1, line, type });
    else problem.count++;
  }

  /** Notes for the summary: values that were not of their column's type. */
  warnings(): string[] {
    return [...this.problems].map(([key, p]) => {
      const [table, column] = key.split('\u0000');
      const values = p.count === 1 ? '1 value' : `${p.count} values`;
      return `${table}.${column}: ${values} could not be read as ${p.type} (first on line ${p.line}) and loaded as null`;
    });
  }

  /** The tables that received at least one row, in order of creation. */
  finish(): Table[] {
    return [...this.tables.values()].filter((t) => t.rowCount > 0).map((t) => t.finish());
  }
}

/** How one result column lands in one destination table. */
type ColumnTarget =
  | { readonly kind: 'column'; readonly index: number; readonly type: ScalarType }
  /** A column the known table does not document: added when a row first has a value. */
  | { readonly kind: 'extra'; index: number | null; readonly name: string; readonly type: ScalarType };

/**
 * Routes the rows of one typed result (fixed columns) into destination tables: the table
 * named by the row's `Type` cell when the result has a `Type` column and the cell is
 * non-empty, else `defaultTable`.
 */
export class ResultRouter {
  private readonly typeIndex: number;
  private readonly targets = new Map<string, ColumnTarget[]>();

  constructor(private readonly destinations: Destinations, readonly columns: readonly ResultColumn[], private readonly defaultTable: string) {
    this.typeIndex = columns.findIndex((c) => c.name === 'Type');
  }

  private targetsFor(name: string): ColumnTarget[] {
    let targets = this.targets.get(name);
    if (targets !== undefined) return targets;
    const table = this.destinations.table(name);
    const known = table.documentedCount > 0;
    targets = this.columns.map((column): ColumnTarget => {
      const index = table.indexOf(column.name);
      if (index !== undefined) return { kind: 'column', index, type: table.typeOf(index) };
      if (known) return { kind: 'extra', index: null, name: column.name, type: column.type };
      const added = table.addColumn(column.name, column.type);
      return { kind: 'column', index: added, type: column.type };
    });
    this.targets.set(name, targets);
    return targets;
  }

  /** The destination of a row. */
  tableOf(row: readonly unknown[]): string {
    if (this.typeIndex < 0) return this.defaultTable;
    const type = row[this.typeIndex];
    return typeof type === 'string' && type.trim() !== '' ? type.trim() : this.defaultTable;
  }

  /** Adds a row (cells in result column order); returns the skip reason when it cannot be added. */
  addRow(row: unknown, line: number): string | null {
    if (!Array.isArray(row)) return 'a row that is not an array';
    if (row.length !== this.columns.length) return `a row of ${row.length} values for ${this.columns.length} columns`;
    const name = this.tableOf(row);
    const table = this.destinations.table(name);
    const targets = this.targetsFor(name);
    for (let c = 0; c < targets.length; c++) {
      const target = targets[c];
      const value: unknown = row[c];
      if (target.kind === 'extra') {
        if (isEmptyValue(value)) continue;
        target.index ??= table.addColumn(target.name, target.type);
        this.destinations.countExtra(name, target.name);
      }
      const index = target.index as number;
      const type = target.kind === 'extra' ? table.typeOf(index) : target.type;
      const { cell, ok } = typedCell(value, type);
      if (!ok) this.destinations.conversionFailed(name, this.columns[c].name, type, line);
      table.set(index, cell);
    }
    table.commitRow();
    return null;
  }
}
