/**
 * Extra columns: raw fields that no documented column of a known table takes are KEPT,
 * appended after the documented columns (never silently dropped). Their type is decided
 * once all rows are in: all strings -> string, all whole numbers -> long, all numbers -> real,
 * all booleans -> bool, anything else (objects, arrays, mixed kinds) -> dynamic, so no value
 * is ever altered or lost.
 */
import type { Column, ColumnSchema, DynamicValue, StringColumn } from '../../engine/table/column';
import type { ScalarType } from '../../engine/types/scalarType';
import { appendValue, columnBuilderFor, StringColumnBuilder } from '../../engine/table/builder';
import type { ExtraField } from '../recordMapping';

/** One extra column, to store a field's value of row `row` (0-based, rows in order). */
export interface ExtraColumnHandle {
  set(row: number, value: unknown): void;
}

/** One extra column being filled: its cells (null where a row lacked the field). */
class ExtraColumn implements ExtraColumnHandle {
  /**
   * While every value so far is a string: the values, dictionary-encoded. Why: most extra
   * fields are short repeated strings (`level`), and keeping one parsed string per row alive
   * until the end costs memory and garbage-collector work. Why a `guid` builder: it keeps a
   * missing value as code -1, which a `string` builder would not tell from ''.
   */
  private strings: StringColumnBuilder | null = new StringColumnBuilder('guid');
  /** Once a value is not a string: every row's value (null where a row lacked the field). */
  private cells: DynamicValue[] | null = null;
  /** Rows that carried the field. */
  count = 0;
  constructor(readonly name: string) {}

  set(row: number, value: unknown): void {
    const strings = this.strings;
    if (strings !== null) {
      if (typeof value === 'string') {
        while (strings.length < row) strings.append(null);
        strings.append(value);
        this.count++;
        return;
      }
      this.cells = decodeCells(strings.finish());
      this.strings = null;
    }
    const cells = this.cells ?? [];
    this.cells = cells;
    while (cells.length < row) cells.push(null);
    cells.push(value as DynamicValue);
    this.count++;
  }

  finish(rowCount: number): { schema: ColumnSchema; column: Column } {
    const strings = this.strings;
    if (strings !== null) {
      while (strings.length < rowCount) strings.append(null);
      return { schema: { name: this.name, type: 'string' }, column: asStringColumn(strings.finish()) };
    }
    const cells = this.cells ?? [];
    while (cells.length < rowCount) cells.push(null);
    const type = typeOfCells(cells);
    const builder = columnBuilderFor(type);
    for (const cell of cells) appendValue(builder, typeof cell === 'boolean' ? (cell ? 1 : 0) : cell);
    return { schema: { name: this.name, type }, column: builder.finish() };
  }
}

/** The cells of a column of strings where code -1 marks a row without the field. */
function decodeCells(column: StringColumn): DynamicValue[] {
  return Array.from(column.codes, (code) => (code < 0 ? null : column.dict[code]));
}

/** A column of strings with code -1 for missing rows as a `string` column (missing rows hold ''). */
function asStringColumn(column: StringColumn): StringColumn {
  const { codes } = column;
  if (!codes.includes(-1)) return { ...column, type: 'string' };
  let empty = column.dict.indexOf('');
  const dict = empty < 0 ? [...column.dict, ''] : column.dict;
  if (empty < 0) empty = dict.length - 1;
  for (let i = 0; i < codes.length; i++) if (codes[i] < 0) codes[i] = empty;
  return { kind: 'string', type: 'string', codes, dict, length: column.length };
}

/** The narrowest type that holds every value unchanged. */
function typeOfCells(cells: readonly DynamicValue[]): ScalarType {
  let kind: 'none' | 'string' | 'long' | 'real' | 'bool' | 'dynamic' = 'none';
  for (const cell of cells) {
    if (cell === null || cell === undefined) continue;
    const own = typeof cell === 'string' ? 'string' : typeof cell === 'boolean' ? 'bool' : typeof cell === 'number' ? (Number.isSafeInteger(cell) ? 'long' : 'real') : 'dynamic';
    if (kind === 'none' || kind === own) kind = own;
    else if ((kind === 'long' && own === 'real') || (kind === 'real' && own === 'long')) kind = 'real';
    else return 'dynamic';
  }
  return kind === 'none' ? 'string' : kind;
}

/**
 * The extra columns of one table. Column names: a top-level field keeps its key, a field
 * inside `properties` becomes `properties_<key>` (as the JSON records parser names them); a
 * name that clashes (case-insensitively) with a documented column or another extra column
 * gets a `raw_` prefix (and a number if still taken), with a warning.
 */
export class ExtraColumns {
  private readonly byField = new Map<string, ExtraColumn>();
  private readonly byTopKey = new Map<string, ExtraColumn>();
  private readonly byNestedKey = new Map<string, ExtraColumn>();
  private readonly takenNames: Set<string>;
  /** Fields whose column name differs from their key, as "field -> column" notes. */
  readonly renamed: string[] = [];

  constructor(documented: readonly ColumnSchema[]) {
    this.takenNames = new Set(documented.map((c) => c.name.toLowerCase()));
  }

  /** Stores the fields of row `row` (0-based, rows arrive in order). */
  add(row: number, fields: readonly ExtraField[]): void {
    for (const field of fields) this.columnFor(field.key, field.nested).set(row, field.value);
  }

  /** Stores one field of row `row` (0-based, rows arrive in order). */
  addField(row: number, key: string, value: unknown, nested: boolean): void {
    this.columnFor(key, nested).set(row, value);
  }

  /**
   * The column that keeps field `key` (of `properties` when `nested`), made if new: for a
   * caller that stores the same field of many rows (`ExtraColumnHandle.set`, rows in order).
   */
  handleFor(key: string, nested: boolean): ExtraColumnHandle {
    return this.columnFor(key, nested);
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

  private columnFor(key: string, nested: boolean): ExtraColumn {
    // Why two key maps before the path map: no `properties.<key>` string is built per row.
    const byKey = nested ? this.byNestedKey : this.byTopKey;
    let column = byKey.get(key);
    if (column !== undefined) return column;
    column = this.columnForPath(key, nested);
    byKey.set(key, column);
    return column;
  }

  private columnForPath(key: string, nested: boolean): ExtraColumn {
    const path = nested ? `properties.${key}` : key;
    let column = this.byField.get(path);
    if (column !== undefined) return column;
    const standard = nested ? `properties_${key}` : key;
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
