/**
 * Group ids for `summarize ... by` and `distinct`. Every key becomes dense ids (see keyIds.ts:
 * dictionary codes read through the selection, `bin()` of a number or datetime fused into the id
 * computation, hash maps only as a fallback); the keys' ids are then combined arithmetically
 * (`id0 * card1 + id1 ...`) and renumbered with an array while the product of the cardinalities
 * is small, pairwise with a hash fallback beyond. Groups are numbered in order of first appearance.
 */
import type { Column } from '../table/column';
import type { CancelSignal } from '../cancel';
import { pollCancel } from '../functions/vector';
import type { DenseIds } from './keyIds';
import { idsOfColumn } from './keyIds';
import type { KeyReader } from './keyReaders';

/** Group id of every row, the number of groups and the first row of each group. */
export interface Grouping {
  readonly groupIds: Int32Array;
  readonly groupCount: number;
  readonly firstRows: Int32Array;
}

/** Largest id space renumbered with an array; beyond it a hash map is used. */
const ARRAY_LIMIT = 1 << 22;
/** Rows between cancellation polls. */
const CHUNK_ROWS = 1 << 16;

// Small loops over typed arrays only, so each stays monomorphic and optimized across queries.
function renumberChunk(raw: Int32Array, table: Int32Array, groupIds: Int32Array, first: Int32Array, groupCount: number, start: number, end: number): number {
  let count = groupCount;
  for (let i = start; i < end; i++) {
    const k = raw[i];
    let g = table[k];
    if (g < 0) {
      g = count++;
      table[k] = g;
      first[g] = i;
    }
    groupIds[i] = g;
  }
  return count;
}

/** Renumbers `raw[0 .. end - start)`, the combined ids of rows [start, end), into `groupIds[start .. end)`. */
function renumberInto(raw: Int32Array, table: Int32Array, groupIds: Int32Array, first: Int32Array, groupCount: number, start: number, end: number): number {
  let count = groupCount;
  for (let i = start; i < end; i++) {
    const k = raw[i - start];
    let g = table[k];
    if (g < 0) {
      g = count++;
      table[k] = g;
      first[g] = i;
    }
    groupIds[i] = g;
  }
  return count;
}

function combineInto(combined: Int32Array, ids: Int32Array, cardinality: number, length: number): void {
  for (let i = 0; i < length; i++) combined[i] = combined[i] * cardinality + ids[i];
}

function combineChunk(groupIds: Int32Array, ids: Int32Array, cardinality: number, out: Int32Array, start: number, end: number): void {
  for (let i = start; i < end; i++) out[i] = groupIds[i] * cardinality + ids[i];
}

/** Renumbers ids in [0, cardinality) densely in first-appearance order, with an array. */
function renumberWithArray(raw: Int32Array, rowCount: number, cardinality: number, cancel: CancelSignal): Grouping {
  const groupIds = new Int32Array(rowCount);
  const table = new Int32Array(cardinality).fill(-1);
  const first = new Int32Array(Math.min(cardinality, rowCount));
  let groupCount = 0;
  for (let start = 0; start < rowCount; start += CHUNK_ROWS) {
    pollCancel(cancel);
    groupCount = renumberChunk(raw, table, groupIds, first, groupCount, start, Math.min(rowCount, start + CHUNK_ROWS));
  }
  return { groupIds, groupCount, firstRows: first.slice(0, groupCount) };
}

/** Renumbers any numbers densely in first-appearance order, with a hash map. */
function renumberWithMap(raw: ArrayLike<number>, rowCount: number, cancel: CancelSignal): Grouping {
  const groupIds = new Int32Array(rowCount);
  const first: number[] = [];
  const map = new Map<number, number>();
  for (let i = 0; i < rowCount; i++) {
    if ((i & (CHUNK_ROWS - 1)) === 0) pollCancel(cancel);
    const k = raw[i];
    let g = map.get(k);
    if (g === undefined) {
      g = first.length;
      map.set(k, g);
      first.push(i);
    }
    groupIds[i] = g;
  }
  return { groupIds, groupCount: first.length, firstRows: Int32Array.from(first) };
}

/** Whether an id space of `size` is renumbered with an array (bounded by the rows, so a sparse space does not allocate a huge table). */
function fitsArray(size: number, rowCount: number): boolean {
  return size <= ARRAY_LIMIT && size <= Math.max(1 << 16, 4 * rowCount);
}

/** Groups `rowCount` rows by the ids of their keys. No keys: one group. */
export function groupByIds(keys: readonly DenseIds[], rowCount: number, cancel: CancelSignal): Grouping {
  if (keys.length === 0) return { groupIds: new Int32Array(rowCount), groupCount: 1, firstRows: Int32Array.of(0) };
  // All keys at once while the product of their cardinalities stays small.
  const product = keys.reduce((p, k) => p * k.cardinality, 1);
  if (fitsArray(product, rowCount)) {
    let combined = keys[0].ids;
    for (let k = 1; k < keys.length; k++) {
      const next = new Int32Array(rowCount);
      for (let start = 0; start < rowCount; start += CHUNK_ROWS) {
        pollCancel(cancel);
        combineChunk(combined, keys[k].ids, keys[k].cardinality, next, start, Math.min(rowCount, start + CHUNK_ROWS));
      }
      combined = next;
    }
    return renumberWithArray(combined, rowCount, product, cancel);
  }
  // Pairwise: renumber, then combine with the next key.
  let current = fitsArray(keys[0].cardinality, rowCount) ? renumberWithArray(keys[0].ids, rowCount, keys[0].cardinality, cancel) : renumberWithMap(keys[0].ids, rowCount, cancel);
  for (let k = 1; k < keys.length; k++) {
    const { ids, cardinality } = keys[k];
    const size = current.groupCount * cardinality;
    if (fitsArray(size, rowCount)) {
      const combined = new Int32Array(rowCount);
      combineChunk(current.groupIds, ids, cardinality, combined, 0, rowCount);
      current = renumberWithArray(combined, rowCount, size, cancel);
    } else {
      const combined = new Float64Array(rowCount);
      for (let i = 0; i < rowCount; i++) combined[i] = current.groupIds[i] * cardinality + ids[i];
      current = renumberWithMap(combined, rowCount, cancel);
    }
  }
  return current;
}

/** Groups `rowCount` rows by the key vectors (each of `rowCount` rows or a constant). No keys: one group. */
export function groupRows(keys: readonly Column[], rowCount: number, cancel: CancelSignal): Grouping {
  return groupByIds(keys.map((k) => idsOfColumn(k, null, rowCount, cancel)), rowCount, cancel);
}

/** Rows combined and renumbered at a time by `groupByReaders` (buffers that stay in cache). */
const READ_CHUNK = 4096;

/**
 * Groups `rowCount` rows by chunked key readers: while the product of the cardinalities is
 * small, each chunk's keys are read, combined and renumbered in small buffers (no id vector
 * per key); otherwise every key's ids are read whole and grouped by `groupByIds`.
 * The grouping is exactly `groupByIds`' over the same ids (first-appearance order).
 */
export function groupByReaders(keys: readonly KeyReader[], rowCount: number, cancel: CancelSignal): Grouping {
  const product = keys.reduce((p, k) => p * k.cardinality, 1);
  if (keys.length === 0 || !fitsArray(product, rowCount)) {
    return groupByIds(keys.map((k) => {
      const ids = new Int32Array(rowCount);
      k.read(0, rowCount, ids);
      return { ids, cardinality: k.cardinality };
    }), rowCount, cancel);
  }
  const groupIds = new Int32Array(rowCount);
  const table = new Int32Array(product).fill(-1);
  const first = new Int32Array(Math.min(product, rowCount));
  const combined = new Int32Array(READ_CHUNK);
  const ids = new Int32Array(READ_CHUNK);
  let groupCount = 0;
  for (let start = 0; start < rowCount; start += READ_CHUNK) {
    if ((start & (CHUNK_ROWS - 1)) === 0) pollCancel(cancel);
    const end = Math.min(rowCount, start + READ_CHUNK);
    keys[0].read(start, end, combined);
    for (let k = 1; k < keys.length; k++) {
      keys[k].read(start, end, ids);
      combineInto(combined, ids, keys[k].cardinality, end - start);
    }
    groupCount = renumberInto(combined, table, groupIds, first, groupCount, start, end);
  }
  return { groupIds, groupCount, firstRows: first.slice(0, groupCount) };
}
