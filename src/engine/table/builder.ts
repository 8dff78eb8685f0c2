import type { NumericType, ScalarType, TextType } from '../types/scalarType';
import { isNumericType } from '../types/scalarType';
import type { Column, ColumnSchema, DynamicColumn, DynamicValue, NumericColumn, StringColumn } from './column';
import type { Table } from './table';
import { StringIndex } from './stringIndex';

const INITIAL_CAPACITY = 1024;
/** Values a string builder must have seen before it estimates its distinct count from them. */
const MIN_ROWS_TO_ESTIMATE_DISTINCT = 256;
/** Entries of a string builder's cache of recent values (a power of two). */
const RECENT_SLOTS = 64;

/**
 * `array` cut to `length`: a view when at least 3/4 of it is used, else an exact copy.
 * Why a view: copying a large column allocates a second buffer and frees the first, which the
 * allocator keeps as a resident hole; the unused tail of a buffer filled from its start was
 * never written, so its pages cost no resident memory.
 */
function trimmed<T extends Float64Array | Int32Array | Uint8Array>(array: T, length: number): T {
  if (length === array.length) return array;
  return (length >= array.length * 0.75 ? array.subarray(0, length) : array.slice(0, length)) as T;
}

/** Appends numbers (or null) and yields a `NumericColumn`. */
export class NumericColumnBuilder {
  private data = new Float64Array(INITIAL_CAPACITY);
  private nulls: Uint8Array | null = null;
  length = 0;
  constructor(readonly type: NumericType) {}

  append(value: number | null): void {
    if (this.length === this.data.length) this.grow();
    if (value === null || (Number.isNaN(value) && this.type !== 'real')) {
      if (this.nulls === null) this.nulls = new Uint8Array(this.data.length);
      this.nulls[this.length] = 1;
      this.data[this.length++] = 0;
    } else {
      this.data[this.length++] = value;
    }
  }

  private grow(): void {
    this.reserve(this.data.length * 2);
  }

  /** Makes room for `capacity` values in all (no effect when there already is). */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const data = new Float64Array(capacity);
    data.set(this.data.subarray(0, this.length));
    this.data = data;
    if (this.nulls) {
      const nulls = new Uint8Array(capacity);
      nulls.set(this.nulls.subarray(0, this.length));
      this.nulls = nulls;
    }
  }

  /** The column (values cut to their length, see `trimmed`; later appends do not show in it). */
  finish(): NumericColumn {
    return {
      kind: 'number',
      type: this.type,
      data: trimmed(this.data, this.length),
      nulls: this.nulls ? trimmed(this.nulls, this.length) : null,
      length: this.length,
    };
  }
}

/** Appends strings, dictionary-encoding them, and yields a `StringColumn`. */
export class StringColumnBuilder {
  private codes = new Int32Array(INITIAL_CAPACITY);
  private readonly dict: string[] = [];
  private readonly index = new StringIndex(this.dict);
  /**
   * A small cache of recent values and their codes, indexed by the value's length and two of
   * its characters. Why: log columns repeat a few values (often the previous row's), and one
   * string comparison is cheaper than hashing a fresh (parsed) string for the Map.
   */
  private readonly recentText: string[] = new Array<string>(RECENT_SLOTS).fill('');
  private readonly recentCode = new Int32Array(RECENT_SLOTS).fill(-1);
  length = 0;
  constructor(readonly type: TextType) {}

  /**
   * Makes room for `capacity` values in all (no effect when there already is). When most
   * values so far were new (IDs), the dictionary's index is sized for as many distinct values
   * at the same rate, once (see `StringIndex.reserve`).
   */
  reserve(capacity: number): void {
    if (capacity <= this.codes.length) return;
    const codes = new Int32Array(capacity);
    codes.set(this.codes.subarray(0, this.length));
    this.codes = codes;
    if (this.length >= MIN_ROWS_TO_ESTIMATE_DISTINCT && this.dict.length * 2 > this.length) {
      this.index.reserve(Math.ceil((capacity * this.dict.length) / this.length));
    }
  }

  /** `null` is stored as the empty string for `string` and as code -1 (null) for `guid`. */
  append(value: string | null): void {
    if (this.length === this.codes.length) this.reserve(this.codes.length * 2);
    if (value === null && this.type === 'guid') {
      this.codes[this.length++] = -1;
      return;
    }
    const text = value ?? '';
    const n = text.length;
    // Why these characters: IDs such as GUIDs differ at the end and have a '-' in the middle.
    const slot = n === 0 ? 0 : (n * 7 + text.charCodeAt(n >> 2) * 3 + text.charCodeAt((n - 1) >> 1) + text.charCodeAt(n - 1) * 5) & (RECENT_SLOTS - 1);
    let code = this.recentCode[slot];
    if (code < 0 || this.recentText[slot] !== text) {
      code = this.index.codeOf(text);
      this.recentText[slot] = text;
      this.recentCode[slot] = code;
    }
    this.codes[this.length++] = code;
  }

  /** The column (codes cut to their length, see `trimmed`; later appends do not show in it). */
  finish(): StringColumn {
    return { kind: 'string', type: this.type, codes: trimmed(this.codes, this.length), dict: this.dict.slice(), length: this.length };
  }
}

/** Appends parsed JSON values and yields a `DynamicColumn`. */
export class DynamicColumnBuilder {
  private readonly values: DynamicValue[] = [];
  get length(): number {
    return this.values.length;
  }
  append(value: DynamicValue): void {
    this.values.push(value);
  }
  finish(): DynamicColumn {
    return { kind: 'dynamic', type: 'dynamic', values: this.values.slice(), length: this.values.length };
  }
}

/** Any column builder; discriminate with `instanceof`. */
export type ColumnBuilder = NumericColumnBuilder | StringColumnBuilder | DynamicColumnBuilder;

/** Makes the builder that stores values of `type`. */
export function columnBuilderFor(type: ScalarType): ColumnBuilder {
  if (isNumericType(type)) return new NumericColumnBuilder(type);
  if (type === 'dynamic') return new DynamicColumnBuilder();
  return new StringColumnBuilder(type);
}

/**
 * Builds a table row by row, one typed builder per column. Callers append one value to
 * every column per row (`appendNull` fills a column with its null value).
 */
export class TableBuilder {
  readonly columns: ColumnBuilder[];
  constructor(readonly name: string, readonly schema: readonly ColumnSchema[]) {
    this.columns = schema.map((c) => columnBuilderFor(c.type));
  }

  /** Appends the null value of column `index` (empty string for `string`). */
  appendNull(index: number): void {
    const b = this.columns[index];
    if (b instanceof DynamicColumnBuilder) b.append(null);
    else b.append(null);
  }

  get rowCount(): number {
    return this.columns.length === 0 ? 0 : this.columns[0].length;
  }

  /**
   * Makes room for `rows` rows in every column. Why: a loader that can estimate its row count
   * (from the file size) allocates each column once instead of doubling it; the freed halves
   * of doubled arrays otherwise stay resident as allocator fragmentation.
   */
  reserve(rows: number): void {
    for (const column of this.columns) if (!(column instanceof DynamicColumnBuilder)) column.reserve(rows);
  }

  finish(): Table {
    const columns: Column[] = this.columns.map((b) => b.finish());
    return { name: this.name, schema: this.schema, columns, rowCount: this.rowCount };
  }
}

/** Appends a value of any shape to a builder; numbers for numeric, strings for text, JSON for dynamic. */
export function appendValue(builder: ColumnBuilder, value: number | string | DynamicValue | null): void {
  if (builder instanceof NumericColumnBuilder) builder.append(typeof value === 'number' ? value : value === null ? null : Number(value));
  else if (builder instanceof StringColumnBuilder) builder.append(value === null ? null : typeof value === 'string' ? value : JSON.stringify(value));
  else builder.append(value);
}

/**
 * Builds a table from row arrays in schema order — convenient for tests and small inputs.
 * Numeric cells are numbers (datetime/timespan in ticks), text cells strings, dynamic cells JSON values.
 */
export function tableFromRows(name: string, schema: readonly ColumnSchema[], rows: readonly (readonly (number | string | DynamicValue | null)[])[]): Table {
  const builder = new TableBuilder(name, schema);
  for (const row of rows) {
    builder.columns.forEach((b, i) => appendValue(b, row[i] ?? null));
  }
  return builder.finish();
}
