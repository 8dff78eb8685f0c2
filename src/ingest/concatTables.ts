/**
 * Appending loaded rows to a table: a columnar concatenation that never mutates its inputs
 * (the catalog's tables may be read by a running query or a posted result).
 */
import type { Column, ColumnSchema, DynamicValue, NumericColumn, StringColumn } from '../engine/table/column';
import type { Table } from '../engine/table/table';
import type { NumericType, ScalarType, TextType } from '../engine/types/scalarType';
import { isNumericType } from '../engine/types/scalarType';
import { appendValue, columnBuilderFor } from '../engine/table/builder';
import { cellOf } from '../engine/table/rows';

/** The union of the tables' schemas: the first table's columns, then new names in order of appearance. */
function unionSchema(tables: readonly Table[]): ColumnSchema[] {
  const schema: ColumnSchema[] = [];
  const seen = new Set<string>();
  for (const table of tables) {
    for (const column of table.schema) {
      if (seen.has(column.name)) continue;
      seen.add(column.name);
      schema.push(column);
    }
  }
  return schema;
}

function concatNumeric(type: NumericType, parts: readonly (NumericColumn | number)[], length: number): NumericColumn {
  const data = new Float64Array(length);
  let nulls: Uint8Array | null = null;
  let offset = 0;
  for (const part of parts) {
    if (typeof part === 'number') {
      // A table without this column: `part` rows of null.
      nulls ??= new Uint8Array(length);
      nulls.fill(1, offset, offset + part);
      offset += part;
      continue;
    }
    data.set(part.data.subarray(0, part.length), offset);
    if (part.nulls !== null) {
      nulls ??= new Uint8Array(length);
      nulls.set(part.nulls.subarray(0, part.length), offset);
    }
    offset += part.length;
  }
  return { kind: 'number', type, data, nulls, length };
}

function concatText(type: TextType, parts: readonly (StringColumn | number)[], length: number): StringColumn {
  const codes = new Int32Array(length);
  const dict: string[] = [];
  const index = new Map<string, number>();
  const codeOf = (text: string): number => {
    let code = index.get(text);
    if (code === undefined) {
      code = dict.push(text) - 1;
      index.set(text, code);
    }
    return code;
  };
  let offset = 0;
  for (const part of parts) {
    if (typeof part === 'number') {
      // Missing column: the type's null (empty string for `string`, code -1 for `guid`).
      codes.fill(type === 'guid' ? -1 : codeOf(''), offset, offset + part);
      offset += part;
      continue;
    }
    const remap = new Int32Array(part.dict.length);
    part.dict.forEach((text, code) => (remap[code] = codeOf(text)));
    for (let i = 0; i < part.length; i++) {
      const code = part.codes[i];
      codes[offset + i] = code < 0 ? -1 : remap[code];
    }
    offset += part.length;
  }
  return { kind: 'string', type, codes, dict, length };
}

function concatDynamic(parts: readonly (Column | number)[], length: number): Column {
  const values: DynamicValue[] = [];
  for (const part of parts) {
    if (typeof part === 'number') for (let i = 0; i < part; i++) values.push(null);
    else for (let i = 0; i < part.length; i++) values.push(cellOf(part, i) as DynamicValue);
  }
  return { kind: 'dynamic', type: 'dynamic', values, length };
}

/** Slow path for a column whose type differs between tables: converts every cell to `type`. */
function concatConverting(type: ScalarType, parts: readonly (Column | number)[]): Column {
  const builder = columnBuilderFor(type);
  for (const part of parts) {
    if (typeof part === 'number') {
      for (let i = 0; i < part; i++) appendValue(builder, null);
      continue;
    }
    for (let i = 0; i < part.length; i++) {
      const cell = cellOf(part, i);
      appendValue(builder, typeof cell === 'boolean' ? (isNumericType(type) ? Number(cell) : String(cell)) : cell);
    }
  }
  return builder.finish();
}

function concatColumn(column: ColumnSchema, parts: readonly (Column | number)[], length: number): Column {
  const sameType = parts.every((p) => typeof p === 'number' || p.type === column.type);
  if (!sameType) return concatConverting(column.type, parts);
  if (column.type === 'dynamic') return concatDynamic(parts, length);
  if (isNumericType(column.type)) return concatNumeric(column.type, parts as (NumericColumn | number)[], length);
  return concatText(column.type, parts as (StringColumn | number)[], length);
}

/**
 * Concatenates tables of the same name into a new one whose schema is the union of theirs
 * (first table's column order, then new columns). Rows of a table that lacks a column get
 * that column's null. When a column's type differs between tables, the first table's type
 * wins and other values are converted to it. Inputs are left untouched.
 */
export function concatTables(tables: readonly Table[]): Table {
  if (tables.length === 0) throw new Error('concatTables needs at least one table');
  const name = tables[0].name;
  const mismatch = tables.find((t) => t.name !== name);
  if (mismatch !== undefined) throw new Error(`cannot append table ${mismatch.name} to table ${name}`);
  const schema = unionSchema(tables);
  const rowCount = tables.reduce((sum, t) => sum + t.rowCount, 0);
  const columns = schema.map((column) => {
    const parts = tables.map((t) => {
      const i = t.schema.findIndex((c) => c.name === column.name);
      return i < 0 ? t.rowCount : t.columns[i];
    });
    return concatColumn(column, parts, rowCount);
  });
  return { name, schema, columns, rowCount };
}

/** `existing` with the rows of `added` appended (same table name; union of schemas if they differ). */
export function appendTables(existing: Table, added: Table): Table {
  return concatTables([existing, added]);
}
