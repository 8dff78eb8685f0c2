/**
 * Dense ids of one group-by key: every row gets an id in [0, cardinality), equal ids for equal
 * key values (null is a value of its own). Fast paths, in order:
 * - a dictionary column: its codes, read through the relation's index vector (no gather);
 * - `bin(x, size)` / `floor(x, size)` of a datetime, timespan, int or long with a constant size:
 *   the bucket number `floor((x + offset) / size)` is the id, computed in one pass — the binned
 *   column is never built (the output key is computed later for the groups' first rows only);
 * - numbers that are integers in a small range: `value - min`;
 * - anything else: a hash map over the values (exact 64-bit longs keyed by their exact value).
 */
import type { Expr } from '../plan';
import type { Column, NumericColumn } from '../table/column';
import type { CancelSignal } from '../cancel';
import { evaluateKeepingExact } from '../functions/evaluate';
import type { ColumnSource } from '../functions/evaluate';
import { pollCancel } from '../functions/vector';
import { datetimeBinOffset } from '../functions/datetime';
import type { Relation } from './relation';
import { exactNumberKey } from '../table/exactLong';

/** Ids of one key, each in [0, cardinality). */
export interface DenseIds {
  readonly ids: Int32Array;
  readonly cardinality: number;
}

/** Largest id range taken as is from integer values (`value - min`). */
const RANGE_LIMIT = 1 << 22;
/** Rows between cancellation polls. */
const CHUNK_ROWS = 1 << 16;

/** `bucket = floor((value + offset) / size)`, applied to each value before it becomes an id. */
interface Bucketing {
  readonly size: number;
  readonly offset: number;
}

function codesChunk(codes: Int32Array, rows: Int32Array | null, nullId: number, ids: Int32Array, start: number, end: number): void {
  if (rows === null) {
    for (let i = start; i < end; i++) {
      const c = codes[i];
      ids[i] = c < 0 ? nullId : c;
    }
  } else {
    for (let i = start; i < end; i++) {
      const c = codes[rows[i]];
      ids[i] = c < 0 ? nullId : c;
    }
  }
}

// The loops below are small functions over typed arrays only: each stays monomorphic and
// optimized across queries (one big function with many shapes runs unoptimized after a GC).
function gatherValues(data: Float64Array, rows: Int32Array, out: Float64Array, start: number, end: number): void {
  for (let i = start; i < end; i++) out[i] = data[rows[i]];
}

function gatherMask(nulls: Uint8Array, rows: Int32Array, out: Uint8Array, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) count += out[i] = nulls[rows[i]];
  return count;
}

function bucketValues(values: Float64Array, size: number, offset: number, out: Float64Array, start: number, end: number): void {
  for (let i = start; i < end; i++) out[i] = Math.floor((values[i] + offset) / size);
}

/** [min, max] of the non-null values, or null when one is not an integer (NaN and infinities are not). */
function integerRange(values: Float64Array, isNull: Uint8Array | null, rowCount: number): [number, number] | null {
  return isNull === null ? denseIntegerRange(values, rowCount) : maskedIntegerRange(values, isNull, rowCount);
}

function denseIntegerRange(values: Float64Array, rowCount: number): [number, number] | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rowCount; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // Cheap common case first: a small range of integers passes a second, exact check.
  if (!(max - min <= RANGE_LIMIT)) return rowCount === 0 ? [min, max] : null;
  for (let i = 0; i < rowCount; i++) {
    const v = values[i];
    if (v !== Math.floor(v)) return null;
  }
  return [min, max];
}

function maskedIntegerRange(values: Float64Array, isNull: Uint8Array, rowCount: number): [number, number] | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rowCount; i++) {
    if (isNull[i] === 1) continue;
    const v = values[i];
    if (v !== Math.floor(v) || v - v !== 0) return null;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

function offsetIds(values: Float64Array, min: number, ids: Int32Array, start: number, end: number): void {
  for (let i = start; i < end; i++) ids[i] = values[i] - min;
}

function maskIds(isNull: Uint8Array, nullId: number, ids: Int32Array, rowCount: number): void {
  for (let i = 0; i < rowCount; i++) if (isNull[i] === 1) ids[i] = nullId;
}

/** The values of a numeric column for each row (through `rows`, bucketed), with a null mask (null: no nulls). */
function readValues(column: NumericColumn, rows: Int32Array | null, rowCount: number, bucketing: Bucketing | null): { values: Float64Array; isNull: Uint8Array | null } {
  const { data, nulls } = column;
  let values: Float64Array;
  let isNull: Uint8Array | null = null;
  if (column.length === 1 && rowCount !== 1) {
    values = new Float64Array(rowCount).fill(data[0]);
    if (nulls !== null && nulls[0] === 1) isNull = new Uint8Array(rowCount).fill(1);
  } else if (rows === null) {
    values = data;
    isNull = nulls;
  } else {
    values = new Float64Array(rowCount);
    gatherValues(data, rows, values, 0, rowCount);
    if (nulls !== null) {
      isNull = new Uint8Array(rowCount);
      if (gatherMask(nulls, rows, isNull, 0, rowCount) === 0) isNull = null;
    }
  }
  if (bucketing !== null) {
    const bucketed = values === data ? new Float64Array(rowCount) : values;
    bucketValues(values, bucketing.size, bucketing.offset, bucketed, 0, rowCount);
    values = bucketed;
  }
  return { values, isNull };
}

function numberIds(column: NumericColumn, rows: Int32Array | null, rowCount: number, bucketing: Bucketing | null, cancel: CancelSignal): DenseIds {
  const { values, isNull } = readValues(column, rows, rowCount, bucketing);
  pollCancel(cancel);
  const range = integerRange(values, isNull, rowCount);
  const ids = new Int32Array(rowCount);
  if (range !== null && (range[0] > range[1] || range[1] - range[0] + 2 <= RANGE_LIMIT)) {
    const [min, max] = range;
    const nullId = min > max ? 0 : max - min + 1;
    if (min <= max) offsetIds(values, min, ids, 0, rowCount);
    if (isNull !== null) maskIds(isNull, nullId, ids, rowCount);
    return { ids, cardinality: nullId + 1 };
  }
  // Null is its own key; NaN equals NaN and -0 equals 0 (the Map's SameValueZero).
  const map = new Map<number | null, number>();
  for (let i = 0; i < rowCount; i++) {
    if ((i & (CHUNK_ROWS - 1)) === 0) pollCancel(cancel);
    const v = isNull !== null && isNull[i] === 1 ? null : values[i];
    let id = map.get(v);
    if (id === undefined) {
      id = map.size;
      map.set(v, id);
    }
    ids[i] = id;
  }
  return { ids, cardinality: Math.max(map.size, 1) };
}

/**
 * Ids of a column of exact 64-bit longs (`NumericColumn.exact`): a hash map over the exact
 * values (numbers where they fit, bigints beyond ±2^53), never over the rounded doubles.
 */
function exactLongIds(column: NumericColumn, rows: Int32Array | null, rowCount: number, cancel: CancelSignal): DenseIds {
  const constant = column.length === 1 && rowCount !== 1;
  const ids = new Int32Array(rowCount);
  const map = new Map<number | bigint | undefined, number>();
  for (let i = 0; i < rowCount; i++) {
    if ((i & (CHUNK_ROWS - 1)) === 0) pollCancel(cancel);
    const key = exactNumberKey(column, constant ? 0 : rows === null ? i : rows[i]);
    let id = map.get(key);
    if (id === undefined) {
      id = map.size;
      map.set(key, id);
    }
    ids[i] = id;
  }
  return { ids, cardinality: Math.max(map.size, 1) };
}

/** Dense ids of a column's values for each row, read through `rows` (null: row i is row i); a length-1 column is a constant. */
export function idsOfColumn(column: Column, rows: Int32Array | null, rowCount: number, cancel: CancelSignal): DenseIds {
  const constant = column.length === 1 && rowCount !== 1;
  switch (column.kind) {
    case 'string': {
      const nullId = column.dict.length;
      const ids = new Int32Array(rowCount);
      if (constant) ids.fill(column.codes[0] < 0 ? nullId : column.codes[0]);
      else {
        for (let start = 0; start < rowCount; start += CHUNK_ROWS) {
          pollCancel(cancel);
          codesChunk(column.codes, rows, nullId, ids, start, Math.min(rowCount, start + CHUNK_ROWS));
        }
      }
      return { ids, cardinality: column.dict.length + 1 };
    }
    case 'number':
      if (column.exact !== undefined) return exactLongIds(column, rows, rowCount, cancel);
      return numberIds(column, rows, rowCount, null, cancel);
    case 'dynamic': {
      const ids = new Int32Array(rowCount);
      const map = new Map<string, number>();
      for (let i = 0; i < rowCount; i++) {
        if ((i & (CHUNK_ROWS - 1)) === 0) pollCancel(cancel);
        const key = JSON.stringify(column.values[constant ? 0 : rows === null ? i : rows[i]]);
        let id = map.get(key);
        if (id === undefined) {
          id = map.size;
          map.set(key, id);
        }
        ids[i] = id;
      }
      return { ids, cardinality: Math.max(map.size, 1) };
    }
    default: {
      const never: never = column;
      return never;
    }
  }
}

/** A stored column of the relation read as `expr` says, when `expr` is a plain reference of the same type. */
export function directColumn(expr: Expr, relation: Relation): { data: Column; rows: Int32Array | null } | null {
  if (expr.kind !== 'column') return null;
  const column = relation.columns.find((c) => c.name === expr.name);
  return column !== undefined && column.data.type === expr.type ? column : null;
}

/** Types whose `bin` buckets are whole numbers of a whole size, so the bucket number identifies the bin exactly. */
const WHOLE_TYPES: ReadonlySet<string> = new Set(['datetime', 'timespan', 'int', 'long']);

/** `bin(x, size)` with a constant positive whole size over a whole-number type: the bucketing; else null. */
export function binBucketing(expr: Expr): { value: Expr; bucketing: Bucketing } | null {
  if (expr.kind !== 'call' || (expr.name !== 'bin' && expr.name !== 'floor') || expr.args.length !== 2) return null;
  const [value, size] = expr.args;
  if (size.kind !== 'literal' || typeof size.value !== 'number' || !Number.isSafeInteger(size.value) || size.value <= 0) return null;
  if (!WHOLE_TYPES.has(value.type) || expr.type !== value.type) return null;
  const offset = value.type === 'datetime' ? datetimeBinOffset(size.value) : 0;
  return { value, bucketing: { size: size.value, offset } };
}

/** Dense ids of the key `expr` over the relation's rows (see the module comment for the paths). */
export function keyIdsOf(expr: Expr, relation: Relation, source: ColumnSource, cancel: CancelSignal): DenseIds {
  const rowCount = relation.rowCount;
  const direct = directColumn(expr, relation);
  if (direct !== null) return idsOfColumn(direct.data, direct.rows, rowCount, cancel);
  const bin = binBucketing(expr);
  if (bin !== null) {
    const stored = directColumn(bin.value, relation);
    const values = stored ?? { data: evaluateKeepingExact(bin.value, source), rows: null };
    // Exact longs are never bucketed through their rounded doubles: `bin()` itself decides.
    if (values.data.kind === 'number' && values.data.exact === undefined) return numberIds(values.data, values.rows, rowCount, bin.bucketing, cancel);
  }
  return idsOfColumn(evaluateKeepingExact(expr, source), null, rowCount, cancel);
}
