/**
 * Column-level building blocks for the executor: gathering rows through an index vector,
 * constant and null columns, concatenation (union) and dictionary compaction (results).
 * All functions return new columns and never mutate their inputs.
 */
import type { ScalarType } from '../types/scalarType';
import { isNumericType } from '../types/scalarType';
import type { Column, DynamicColumn, DynamicValue, NumericColumn, StringColumn } from './column';
import { longColumnOf } from './exactLong';

/** Rows `indices[0..]` of `column`, in that order. */
export function gatherColumn(column: Column, indices: Int32Array): Column {
  const n = indices.length;
  switch (column.kind) {
    case 'number': {
      const data = new Float64Array(n);
      const src = column.data;
      for (let i = 0; i < n; i++) data[i] = src[indices[i]];
      let nulls: Uint8Array | null = null;
      if (column.nulls !== null) {
        const srcNulls = column.nulls;
        nulls = new Uint8Array(n);
        for (let i = 0; i < n; i++) nulls[i] = srcNulls[indices[i]];
      }
      if (column.exact !== undefined) {
        const exact = new BigInt64Array(n);
        for (let i = 0; i < n; i++) exact[i] = column.exact[indices[i]];
        return longColumnOf(exact, nulls);
      }
      return { kind: 'number', type: column.type, data, nulls, length: n };
    }
    case 'string': {
      const codes = new Int32Array(n);
      const src = column.codes;
      for (let i = 0; i < n; i++) codes[i] = src[indices[i]];
      return { kind: 'string', type: column.type, codes, dict: column.dict, length: n };
    }
    case 'dynamic': {
      const values: DynamicValue[] = new Array<DynamicValue>(n);
      for (let i = 0; i < n; i++) values[i] = column.values[indices[i]];
      return { kind: 'dynamic', type: 'dynamic', values, length: n };
    }
    default: {
      const never: never = column;
      return never;
    }
  }
}

/** A column of `length` copies of row `row` of `column` (broadcasts a constant). */
export function repeatRow(column: Column, row: number, length: number): Column {
  return gatherColumn(column, new Int32Array(length).fill(row));
}

/** A column of `length` nulls of `type` (empty strings for `string`). */
export function nullColumn(type: ScalarType, length: number): Column {
  if (isNumericType(type)) {
    return { kind: 'number', type, data: new Float64Array(length), nulls: new Uint8Array(length).fill(1), length };
  }
  if (type === 'dynamic') return { kind: 'dynamic', type, values: new Array<DynamicValue>(length).fill(null), length };
  if (type === 'guid') return { kind: 'string', type, codes: new Int32Array(length).fill(-1), dict: [], length };
  return { kind: 'string', type, codes: new Int32Array(length), dict: [''], length };
}

/**
 * Relabels a column with another type of the same storage (e.g. `int` -> `long`, `string` -> `guid`
 * is refused). Returns null when the storages differ.
 */
export function retypeColumn(column: Column, type: ScalarType): Column | null {
  if (column.type === type) return column;
  if (column.kind === 'number' && column.exact !== undefined && isNumericType(type)) {
    // Exact longs leave the exact form: to `real`/`decimal` the rounded doubles are the conversion.
    const { exact: _exact, ...rounded } = column;
    return retypeColumn(rounded, type);
  }
  if (column.kind === 'number' && isNumericType(type)) {
    if (type === 'bool') {
      // bool storage is 0/1: normalize any other number.
      const data = column.data.map((v) => (v !== 0 ? 1 : 0));
      return { ...column, type, data };
    }
    if ((type === 'int' || type === 'long') && column.type === 'real') {
      const data = column.data.map((v) => Math.trunc(v));
      return { ...column, type, data };
    }
    return { ...column, type };
  }
  if (column.kind === 'string' && (type === 'string' || type === 'guid')) {
    if (type === 'string') {
      const hasNull = column.codes.some((c) => c < 0);
      if (!hasNull) return { ...column, type };
      const dict = [...column.dict, ''];
      const empty = dict.indexOf('');
      const codes = column.codes.map((c) => (c < 0 ? empty : c));
      return compactStringColumn({ kind: 'string', type, codes, dict, length: column.length });
    }
    return { ...column, type };
  }
  return null;
}

/** Concatenates columns of one type (the first's kind decides; all must share it). */
export function concatColumns(type: ScalarType, parts: readonly Column[]): Column {
  const length = parts.reduce((s, p) => s + p.length, 0);
  if (isNumericType(type)) {
    const data = new Float64Array(length);
    let nulls: Uint8Array | null = null;
    let offset = 0;
    for (const p of parts as readonly NumericColumn[]) {
      data.set(p.data, offset);
      if (p.nulls !== null) {
        nulls ??= new Uint8Array(length);
        nulls.set(p.nulls, offset);
      }
      offset += p.length;
    }
    if ((parts as readonly NumericColumn[]).some((p) => p.exact !== undefined)) {
      const exact = new BigInt64Array(length);
      let at = 0;
      for (const p of parts as readonly NumericColumn[]) {
        for (let i = 0; i < p.length; i++) exact[at + i] = p.exact !== undefined ? p.exact[i] : BigInt(Number.isFinite(p.data[i]) ? p.data[i] : 0);
        at += p.length;
      }
      return longColumnOf(exact, nulls);
    }
    return { kind: 'number', type, data, nulls, length };
  }
  if (type === 'dynamic') {
    const values: DynamicValue[] = [];
    for (const p of parts as readonly DynamicColumn[]) for (const v of p.values) values.push(v);
    return { kind: 'dynamic', type, values, length };
  }
  const dict: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(length);
  let offset = 0;
  for (const p of parts as readonly StringColumn[]) {
    const remap = new Int32Array(p.dict.length);
    p.dict.forEach((text, code) => {
      let target = index.get(text);
      if (target === undefined) {
        target = dict.length;
        dict.push(text);
        index.set(text, target);
      }
      remap[code] = target;
    });
    for (let i = 0; i < p.length; i++) {
      const c = p.codes[i];
      codes[offset + i] = c < 0 ? -1 : remap[c];
    }
    offset += p.length;
  }
  return { kind: 'string', type: type as StringColumn['type'], codes, dict, length };
}

/** Re-encodes a string column so its dictionary holds only the entries its rows use, in first-use order. */
export function compactStringColumn(column: StringColumn): StringColumn {
  // A few rows of a large dictionary (e.g. `top 100` of a column of ids): a map, not a table
  // as long as the dictionary.
  if (column.length * 8 < column.dict.length) return compactFewRows(column);
  const remap = new Int32Array(column.dict.length).fill(-1);
  const dict: string[] = [];
  const codes = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const c = column.codes[i];
    if (c < 0) {
      codes[i] = -1;
      continue;
    }
    let target = remap[c];
    if (target < 0) {
      target = dict.length;
      dict.push(column.dict[c]);
      remap[c] = target;
    }
    codes[i] = target;
  }
  return { kind: 'string', type: column.type, codes, dict, length: column.length };
}

function compactFewRows(column: StringColumn): StringColumn {
  const remap = new Map<number, number>();
  const dict: string[] = [];
  const codes = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const c = column.codes[i];
    if (c < 0) {
      codes[i] = -1;
      continue;
    }
    let target = remap.get(c);
    if (target === undefined) {
      target = dict.length;
      dict.push(column.dict[c]);
      remap.set(c, target);
    }
    codes[i] = target;
  }
  return { kind: 'string', type: column.type, codes, dict, length: column.length };
}
