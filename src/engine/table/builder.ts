import type { NumericType, ScalarType, TextType } from '../types/scalarType';
import { isNumericType } from '../types/scalarType';
import type { Column, ColumnSchema, DynamicColumn, DynamicValue, NumericColumn, StringColumn } from './column';
import type { Table } from './table';

const INITIAL_CAPACITY = 1024;

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
    const data = new Float64Array(this.data.length * 2);
    data.set(this.data);
    this.data = data;
    if (this.nulls) {
      const nulls = new Uint8Array(data.length);
      nulls.set(this.nulls);
      this.nulls = nulls;
    }
  }

  finish(): NumericColumn {
    return {
      kind: 'number',
      type: this.type,
      data: this.data.slice(0, this.length),
      nulls: this.nulls ? this.nulls.slice(0, this.length) : null,
      length: this.length,
    };
  }
}

/** Appends strings, dictionary-encoding them, and yields a `StringColumn`. */
export class StringColumnBuilder {
  private codes = new Int32Array(INITIAL_CAPACITY);
  private readonly dict: string[] = [];
  private readonly index = new Map<string, number>();
  length = 0;
  constructor(readonly type: TextType) {}

  /** `null` is stored as the empty string for `string` and as code -1 (null) for `guid`. */
  append(value: string | null): void {
    if (this.length === this.codes.length) {
      const codes = new Int32Array(this.codes.length * 2);
      codes.set(this.codes);
      this.codes = codes;
    }
    if (value === null && this.type === 'guid') {
      this.codes[this.length++] = -1;
      return;
    }
    const text = value ?? '';
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.dict.length;
      this.dict.push(text);
      this.index.set(text, code);
    }
    this.codes[this.length++] = code;
  }

  finish(): StringColumn {
    return { kind: 'string', type: this.type, codes: this.codes.slice(0, this.length), dict: this.dict.slice(), length: this.length };
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
