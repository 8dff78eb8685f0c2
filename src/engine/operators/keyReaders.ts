/**
 * Group-by keys read chunk by chunk: a reader writes the dense ids (see keyIds.ts) of any range
 * of rows into a small buffer, so grouping (grouping.ts) combines and renumbers the keys of a
 * few thousand rows at a time, in cache, without building one id vector per key:
 * - a dictionary column: its codes, read through the relation's index vector;
 * - `bin(x, size)` / `floor(x, size)` of a stored datetime, timespan, int or long column: the
 *   bucket number minus the smallest bucket, where the smallest and largest buckets come from
 *   the column's smallest and largest values (the bucketing is monotonic), found in one pass;
 * - anything else: the ids keyIds.ts computes, read from the vector it builds.
 */
import type { Expr } from '../plan';
import type { NumericColumn } from '../table/column';
import type { CancelSignal } from '../cancel';
import type { ColumnSource } from '../functions/evaluate';
import { pollCancel } from '../functions/vector';
import type { Relation } from './relation';
import type { DenseIds } from './keyIds';
import { binBucketing, directColumn, keyIdsOf } from './keyIds';

/** One key's ids, readable for any range of rows. */
export interface KeyReader {
  /** Ids are in [0, cardinality). */
  readonly cardinality: number;
  /** Writes the ids of rows [start, end) into `out[0 .. end - start)`. */
  read(start: number, end: number, out: Int32Array): void;
}

/** Largest bucket range read as ids (the same bound keyIds.ts uses for integer ranges). */
const RANGE_LIMIT = 1 << 22;
/** Rows between cancellation polls. */
const CHUNK_ROWS = 1 << 16;

// Small loops over typed arrays only, one per shape, so each stays monomorphic and optimized.
function readCodes(codes: Int32Array, nullId: number, start: number, end: number, out: Int32Array): void {
  for (let i = start; i < end; i++) {
    const c = codes[i];
    out[i - start] = c < 0 ? nullId : c;
  }
}

function readCodesThrough(codes: Int32Array, rows: Int32Array, nullId: number, start: number, end: number, out: Int32Array): void {
  for (let i = start; i < end; i++) {
    const c = codes[rows[i]];
    out[i - start] = c < 0 ? nullId : c;
  }
}

function readIds(ids: Int32Array, start: number, end: number, out: Int32Array): void {
  for (let i = start; i < end; i++) out[i - start] = ids[i];
}

function readBuckets(data: Float64Array, size: number, offset: number, base: number, start: number, end: number, out: Int32Array): void {
  for (let i = start; i < end; i++) out[i - start] = Math.floor((data[i] + offset) / size) - base;
}

function readBucketsGeneral(
  data: Float64Array, nulls: Uint8Array | null, rows: Int32Array | null, size: number, offset: number, base: number, nullId: number,
  start: number, end: number, out: Int32Array,
): void {
  for (let i = start; i < end; i++) {
    const r = rows === null ? i : rows[i];
    out[i - start] = nulls !== null && nulls[r] === 1 ? nullId : Math.floor((data[r] + offset) / size) - base;
  }
}

/** [min, max, sawNaN] of the dense non-null values. */
function denseRange(data: Float64Array, start: number, end: number, acc: Float64Array): void {
  let min = acc[0];
  let max = acc[1];
  let nan = acc[2];
  for (let i = start; i < end; i++) {
    const v = data[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if (v !== v) nan = 1;
  }
  acc[0] = min;
  acc[1] = max;
  acc[2] = nan;
}

function generalRange(data: Float64Array, nulls: Uint8Array | null, rows: Int32Array | null, start: number, end: number, acc: Float64Array): void {
  let min = acc[0];
  let max = acc[1];
  let nan = acc[2];
  for (let i = start; i < end; i++) {
    const r = rows === null ? i : rows[i];
    if (nulls !== null && nulls[r] === 1) continue;
    const v = data[r];
    if (v < min) min = v;
    if (v > max) max = v;
    if (v !== v) nan = 1;
  }
  acc[0] = min;
  acc[1] = max;
  acc[2] = nan;
}

/** Buckets of a stored numeric column as ids, or null when the bucket range is too wide (or holds NaN or infinities). */
function bucketReader(column: NumericColumn, rows: Int32Array | null, rowCount: number, size: number, offset: number, cancel: CancelSignal): KeyReader | null {
  const { data, nulls } = column;
  if (column.length === 1 && rowCount !== 1) return null;
  const acc = Float64Array.of(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0);
  const dense = rows === null && nulls === null;
  for (let start = 0; start < rowCount; start += CHUNK_ROWS) {
    pollCancel(cancel);
    const end = Math.min(rowCount, start + CHUNK_ROWS);
    if (dense) denseRange(data, start, end, acc);
    else generalRange(data, nulls, rows, start, end, acc);
  }
  const [min, max, nan] = acc;
  if (nan === 1) return null;
  // No value at all (every row null, or no rows): one id, the null one.
  const empty = min > max;
  const base = empty ? 0 : Math.floor((min + offset) / size);
  const span = empty ? 0 : Math.floor((max + offset) / size) - base + 1;
  if (!(span + 1 <= RANGE_LIMIT)) return null;
  return dense ? new DenseBucketReader(data, size, offset, base, span + 1) : new BucketReader(data, nulls, rows, size, offset, base, span + 1);
}

// Readers are classes, not closures: nothing is created per query but the instances (and
// esbuild's keepNames, which the benchmark's tsx uses, would rename every new closure).
class CodesReader implements KeyReader {
  constructor(private readonly codes: Int32Array, private readonly rows: Int32Array | null, private readonly nullId: number, readonly cardinality: number) {}
  read(start: number, end: number, out: Int32Array): void {
    if (this.rows === null) readCodes(this.codes, this.nullId, start, end, out);
    else readCodesThrough(this.codes, this.rows, this.nullId, start, end, out);
  }
}

class DenseBucketReader implements KeyReader {
  constructor(private readonly data: Float64Array, private readonly size: number, private readonly offset: number, private readonly base: number, readonly cardinality: number) {}
  read(start: number, end: number, out: Int32Array): void {
    readBuckets(this.data, this.size, this.offset, this.base, start, end, out);
  }
}

class BucketReader implements KeyReader {
  constructor(
    private readonly data: Float64Array, private readonly nulls: Uint8Array | null, private readonly rows: Int32Array | null,
    private readonly size: number, private readonly offset: number, private readonly base: number, readonly cardinality: number,
  ) {}
  read(start: number, end: number, out: Int32Array): void {
    // The null id is the last one.
    readBucketsGeneral(this.data, this.nulls, this.rows, this.size, this.offset, this.base, this.cardinality - 1, start, end, out);
  }
}

class IdsReader implements KeyReader {
  constructor(private readonly ids: Int32Array, readonly cardinality: number) {}
  read(start: number, end: number, out: Int32Array): void {
    readIds(this.ids, start, end, out);
  }
}

/** A reader over ids already computed. */
export function idsReader(ids: DenseIds): KeyReader {
  return new IdsReader(ids.ids, ids.cardinality);
}

/** The chunked reader of the key `expr` over the relation's rows (see the module comment). */
export function keyReaderOf(expr: Expr, relation: Relation, source: ColumnSource, cancel: CancelSignal): KeyReader {
  const rowCount = relation.rowCount;
  const direct = directColumn(expr, relation);
  if (direct !== null && direct.data.kind === 'string' && !(direct.data.length === 1 && rowCount !== 1)) {
    const { codes, dict } = direct.data;
    return new CodesReader(codes, direct.rows, dict.length, dict.length + 1);
  }
  const bin = binBucketing(expr);
  if (bin !== null) {
    const stored = directColumn(bin.value, relation);
    // A column of exact longs (`exact`) is never bucketed through its rounded doubles.
    if (stored !== null && stored.data.kind === 'number' && stored.data.exact === undefined) {
      const reader = bucketReader(stored.data, stored.rows, rowCount, bin.bucketing.size, bin.bucketing.offset, cancel);
      if (reader !== null) return reader;
    }
  }
  return idsReader(keyIdsOf(expr, relation, source, cancel));
}
