/**
 * Group ids for `summarize ... by` and `distinct`: every key vector becomes dense ids
 * (dictionary codes for string columns — arrays, no hashing; a hash map for numbers and dynamics),
 * then the keys are combined pairwise (array lookup while the id space is small, hash fallback).
 * Groups are numbered in order of first appearance.
 */
import type { Column } from '../table/column';
import type { CancelSignal } from '../cancel';
import { POLL_MASK, pollCancel } from '../functions/vector';

/** Group id of every row, the number of groups and the first row of each group. */
export interface Grouping {
  readonly groupIds: Int32Array;
  readonly groupCount: number;
  readonly firstRows: Int32Array;
}

interface DenseIds {
  readonly ids: Int32Array;
  readonly cardinality: number;
}

/** Largest id space renumbered with an array; beyond it a hash map is used. */
const ARRAY_LIMIT = 1 << 22;

function denseIds(column: Column, rowCount: number, cancel: CancelSignal): DenseIds {
  const ids = new Int32Array(rowCount);
  const constant = column.length === 1 && rowCount !== 1;
  switch (column.kind) {
    case 'string': {
      const nullId = column.dict.length;
      for (let i = 0; i < rowCount; i++) {
        const c = column.codes[constant ? 0 : i];
        ids[i] = c < 0 ? nullId : c;
      }
      return { ids, cardinality: column.dict.length + 1 };
    }
    case 'number': {
      // null is its own key.
      const map = new Map<number | null, number>();
      for (let i = 0; i < rowCount; i++) {
        if ((i & POLL_MASK) === 0) pollCancel(cancel);
        const r = constant ? 0 : i;
        const v = column.nulls !== null && column.nulls[r] === 1 ? null : column.data[r];
        let id = map.get(v);
        if (id === undefined) {
          id = map.size;
          map.set(v, id);
        }
        ids[i] = id;
      }
      return { ids, cardinality: Math.max(map.size, 1) };
    }
    case 'dynamic': {
      const map = new Map<string, number>();
      for (let i = 0; i < rowCount; i++) {
        if ((i & POLL_MASK) === 0) pollCancel(cancel);
        const key = JSON.stringify(column.values[constant ? 0 : i]);
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

/** Renumbers ids (< cardinality, or any number with the hash path) densely in first-appearance order. */
function renumber(raw: ArrayLike<number>, rowCount: number, cardinality: number, cancel: CancelSignal): Grouping {
  const groupIds = new Int32Array(rowCount);
  const first: number[] = [];
  if (cardinality <= ARRAY_LIMIT) {
    const table = new Int32Array(cardinality).fill(-1);
    for (let i = 0; i < rowCount; i++) {
      if ((i & POLL_MASK) === 0) pollCancel(cancel);
      const k = raw[i];
      let g = table[k];
      if (g < 0) {
        g = first.length;
        table[k] = g;
        first.push(i);
      }
      groupIds[i] = g;
    }
  } else {
    const map = new Map<number, number>();
    for (let i = 0; i < rowCount; i++) {
      if ((i & POLL_MASK) === 0) pollCancel(cancel);
      const k = raw[i];
      let g = map.get(k);
      if (g === undefined) {
        g = first.length;
        map.set(k, g);
        first.push(i);
      }
      groupIds[i] = g;
    }
  }
  return { groupIds, groupCount: first.length, firstRows: Int32Array.from(first) };
}

/** Groups `rowCount` rows by the key vectors (each of `rowCount` rows or a constant). No keys: one group. */
export function groupRows(keys: readonly Column[], rowCount: number, cancel: CancelSignal): Grouping {
  if (keys.length === 0) {
    return { groupIds: new Int32Array(rowCount), groupCount: 1, firstRows: Int32Array.of(0) };
  }
  const firstKey = denseIds(keys[0], rowCount, cancel);
  let current = renumber(firstKey.ids, rowCount, firstKey.cardinality, cancel);
  for (let k = 1; k < keys.length; k++) {
    const next = denseIds(keys[k], rowCount, cancel);
    const product = current.groupCount * next.cardinality;
    const combined = new Float64Array(rowCount);
    for (let i = 0; i < rowCount; i++) combined[i] = current.groupIds[i] * next.cardinality + next.ids[i];
    current = renumber(combined, rowCount, product <= ARRAY_LIMIT ? product : Number.POSITIVE_INFINITY, cancel);
  }
  return current;
}
