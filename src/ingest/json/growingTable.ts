/**
 * A table built row by row whose columns may grow while it loads: a known table starts
 * with its documented schema and gains extra columns (appended after the documented ones,
 * earlier rows null) when a row carries a field no documented column takes.
 */
import type { ColumnSchema } from '../../engine/table/column';
import type { Table } from '../../engine/table/table';
import type { ScalarType } from '../../engine/types/scalarType';
import type { ColumnBuilder } from '../../engine/table/builder';
import { appendValue, columnBuilderFor } from '../../engine/table/builder';
import type { CellInput } from '../coerce';

/** A table under construction; fill a row with `set`, then `commitRow`. */
export class GrowingTable {
  private readonly schema: ColumnSchema[] = [];
  private readonly builders: ColumnBuilder[] = [];
  private readonly indexByName = new Map<string, number>();
  private pending: (CellInput | undefined)[] = [];
  /** Rows committed so far. */
  rowCount = 0;
  /** How many leading columns are the documented schema (0 for a table of no known schema). */
  readonly documentedCount: number;

  constructor(readonly name: string, documented: readonly ColumnSchema[] = []) {
    for (const column of documented) this.addColumn(column.name, column.type);
    this.documentedCount = documented.length;
  }

  /** The column's index, or undefined. */
  indexOf(name: string): number | undefined {
    return this.indexByName.get(name);
  }

  /** The column's type, or undefined. */
  typeOf(index: number): ScalarType {
    return this.schema[index].type;
  }

  /** Adds a column (earlier rows get its null value) unless one of that name exists; returns its index. */
  addColumn(name: string, type: ScalarType): number {
    const existing = this.indexByName.get(name);
    if (existing !== undefined) return existing;
    const builder = columnBuilderFor(type);
    for (let r = 0; r < this.rowCount; r++) appendValue(builder, null);
    this.schema.push({ name, type });
    this.builders.push(builder);
    this.indexByName.set(name, this.builders.length - 1);
    return this.builders.length - 1;
  }

  /** Sets a cell of the row being filled. */
  set(index: number, cell: CellInput): void {
    this.pending[index] = cell;
  }

  /** Appends the row being filled; unset cells are null. */
  commitRow(): void {
    const pending = this.pending;
    for (let c = 0; c < this.builders.length; c++) appendValue(this.builders[c], pending[c] ?? null);
    this.pending = [];
    this.rowCount++;
  }

  /** Drops every committed row (a Kusto v2 `DataReplace` fragment), keeping the columns. */
  clearRows(): void {
    for (let c = 0; c < this.builders.length; c++) this.builders[c] = columnBuilderFor(this.schema[c].type);
    this.pending = [];
    this.rowCount = 0;
  }

  /** The finished table. */
  finish(): Table {
    return {
      name: this.name,
      schema: this.schema.slice(),
      columns: this.builders.map((b) => b.finish()),
      rowCount: this.rowCount,
    };
  }
}
