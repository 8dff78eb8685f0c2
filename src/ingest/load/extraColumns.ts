/**
 * Extra columns: raw fields that no documented column of a known table takes are KEPT,
 * appended after the documented columns (never silently dropped). Their type is decided
 * once all rows are in: all strings -> string, all whole numbers -> long, all numbers -> real,
 * all booleans -> bool, anything else (objects, arrays, mixed kinds) -> dynamic, so no value
 * is ever altered or lost.
 */
import type { Column, ColumnSchema, DynamicValue } from '../../engine/table/column';
import type { ScalarType } from '../../engine/types/scalarType';
import { appendValue, columnBuilderFor } from '../../engine/table/builder';
import type { ExtraField } from '../recordMapping';

/** One extra column being filled: its cells (null where a row lacked the field). */
class ExtraColumn {
  readonly cells: DynamicValue[] = [];
  /** Rows that carried the field. */
  count = 0;
  constructor(readonly name: string) {}

  set(row: number, value: unknown): void {
    while (this.cells.length < row) this.cells.push(null);
    this.cells.push(value as DynamicValue);
    this.count++;
  }

  /** The narrowest type that holds every value unchanged. */
  type(): ScalarType {
    let kind: 'none' | 'string' | 'long' | 'real' | 'bool' | 'dynamic' = 'none';
    for (const cell of this.cells) {
      if (cell === null || cell === undefined) continue;
      const own = typeof cell === 'string' ? 'string' : typeof cell === 'boolean' ? 'bool' : typeof cell === 'number' ? (Number.isSafeInteger(cell) ? 'long' : 'real') : 'dynamic';
      if (kind === 'none' || kind === own) kind = own;
      else if ((kind === 'long' && own === 'real') || (kind === 'real' && own === 'long')) kind = 'real';
      else return 'dynamic';
    }
    return kind === 'none' ? 'string' : kind;
  }

  finish(rowCount: number): { schema: ColumnSchema; column: Column } {
    while (this.cells.length < rowCount) this.cells.push(null);
    const type = this.type();
    const builder = columnBuilderFor(type);
    for (const cell of this.cells) appendValue(builder, typeof cell === 'boolean' ? (cell ? 1 : 0) : cell);
    return { schema: { name: this.name, type }, column: builder.finish() };
  }
}

/**
 * The extra columns of one table. Column names: a top-level field keeps its key, a field
 * inside `properties` becomes `properties_<key>` (as the JSON records parser names them); a
 * name that clashes (case-insensitively) with a documented column or another extra column
 * gets a `raw_` prefix (and a number if still taken), with a warning.
 */
export class ExtraColumns {
  private readonly byField = new Map<string, ExtraColumn>();
  private readonly takenNames: Set<string>;
  /** Fields whose column name differs from their key, as "field -> column" notes. */
  readonly renamed: string[] = [];

  constructor(documented: readonly ColumnSchema[]) {
    this.takenNames = new Set(documented.map((c) => c.name.toLowerCase()));
  }

  /** Stores the fields of row `row` (0-based, rows arrive in order). */
  add(row: number, fields: readonly ExtraField[]): void {
    for (const field of fields) this.columnFor(field).set(row, field.value);
  }

  get size(): number {
    return this.byField.size;
  }

  /** Column name -> rows that carried it. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const column of this.byField.values()) counts[column.name] = column.count;
    return counts;
  }

  /** The finished extra columns, in order of first appearance. */
  finish(rowCount: number): { schema: ColumnSchema; column: Column }[] {
    return [...this.byField.values()].map((c) => c.finish(rowCount));
  }

  private columnFor(field: ExtraField): ExtraColumn {
    const path = field.nested ? `properties.${field.key}` : field.key;
    let column = this.byField.get(path);
    if (column !== undefined) return column;
    const standard = field.nested ? `properties_${field.key}` : field.key;
    let name = standard;
    if (name === '' || this.takenNames.has(name.toLowerCase())) name = `raw_${standard}`;
    for (let n = 2; this.takenNames.has(name.toLowerCase()); n++) name = `raw_${standard}_${n}`;
    if (name !== standard) this.renamed.push(`${path} -> ${name}`);
    this.takenNames.add(name.toLowerCase());
    column = new ExtraColumn(name);
    this.byField.set(path, column);
    return column;
  }
}
