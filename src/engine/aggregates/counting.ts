/** count, countif, dcount, dcountif (dcount is exact here, not HyperLogLog: an exact answer is a valid estimate). */
import type { Column } from '../table/column';
import { cellOf } from '../table/rows';
import type { ScalarType } from '../types/scalarType';
import { POLL_MASK, pollCancel } from '../functions/vector';
import type { Aggregate } from './protocol';
import type { CancelSignal } from '../cancel';
import { exactNumberKey } from '../table/exactLong';

function isTrueAt(column: Column, i: number): boolean {
  const r = column.length === 1 ? 0 : i;
  return column.kind === 'number' && (column.nulls === null || column.nulls[r] === 0) && column.data[r] !== 0;
}

function countsColumn(counts: Float64Array, groupCount: number, type: ScalarType): Column {
  const data = counts.length === groupCount ? counts : counts.slice(0, groupCount);
  return { kind: 'number', type: type === 'int' ? 'int' : 'long', data, nulls: null, length: groupCount };
}

/** Rows between cancellation polls in `countAll`. */
const COUNT_CHUNK = POLL_MASK + 1;

// A small loop over typed arrays only: `count()` of every row, which stays optimized across queries.
function countAll(counts: Float64Array, groupIds: Int32Array, start: number, end: number): void {
  for (let i = start; i < end; i++) counts[groupIds[i]]++;
}

/** `count()` and `countif(predicate)`: the argument (if any) is a predicate; only true counts. */
export const countAggregate: Aggregate<Float64Array> = {
  init: (groupCount) => new Float64Array(groupCount),
  add(counts, groupIds, rowCount, args, cancel) {
    const predicate = args[0];
    if (predicate === undefined) {
      for (let start = 0; start < rowCount; start += COUNT_CHUNK) {
        pollCancel(cancel);
        countAll(counts, groupIds, start, Math.min(rowCount, start + COUNT_CHUNK));
      }
      return;
    }
    for (let i = 0; i < rowCount; i++) {
      if ((i & POLL_MASK) === 0) pollCancel(cancel);
      if (predicate === undefined || isTrueAt(predicate, i)) counts[groupIds[i]]++;
    }
  },
  merge(into, from) {
    for (let g = 0; g < into.length; g++) into[g] += from[g];
  },
  result: countsColumn,
};

/**
 * The key a value is counted under by dcount; undefined for null. The docs ignore nulls only:
 * a string is never null in Kusto, so the empty string is a distinct value like any other
 * (as `make_set` keeps it, and as SQL's count(DISTINCT) counts '').
 */
function distinctKey(column: Column, i: number): unknown {
  const r = column.length === 1 ? 0 : i;
  switch (column.kind) {
    case 'number':
      // Exact longs are counted by their exact value (2^53 and 2^53 + 1 are two values).
      if (column.exact !== undefined) return exactNumberKey(column, r);
      return column.nulls !== null && column.nulls[r] === 1 ? undefined : column.data[r];
    case 'string': {
      const code = column.codes[r];
      return code < 0 ? undefined : code;
    }
    case 'dynamic': {
      const v = cellOf(column, r);
      return v === null ? undefined : JSON.stringify(v);
    }
    default: {
      const never: never = column;
      return never;
    }
  }
}

/** Largest (groups × dictionary entries) marked in a byte map by `addDistinctCodes`. */
const PAIR_MAP_LIMIT = 1 << 22;

// A small loop over typed arrays only: marks each (group, code) pair once and lists the new ones.
function markPairs(codes: Int32Array, groupIds: Int32Array, entries: number, seen: Uint8Array, fresh: Int32Array, freshCount: number, start: number, end: number): number {
  let n = freshCount;
  for (let i = start; i < end; i++) {
    const code = codes[i];
    if (code < 0) continue;
    const pair = groupIds[i] * entries + code;
    if (seen[pair] === 0) {
      seen[pair] = 1;
      fresh[n++] = pair;
    }
  }
  return n;
}

/**
 * dcount of a dictionary column without a predicate: each distinct (group, code) pair is found
 * with a byte map, and only those pairs add their text to the group's set (the state stays
 * the sets of texts, so batches and merges work as before). False when the map would be too big.
 */
function addDistinctCodes(sets: Set<unknown>[], groupIds: Int32Array, rowCount: number, value: Column, cancel: CancelSignal): boolean {
  if (value.kind !== 'string' || value.length !== rowCount) return false;
  const entries = value.dict.length;
  if (sets.length * entries > PAIR_MAP_LIMIT) return false;
  const seen = new Uint8Array(sets.length * entries);
  const fresh = new Int32Array(Math.min(rowCount, sets.length * entries));
  let freshCount = 0;
  for (let start = 0; start < rowCount; start += POLL_MASK + 1) {
    pollCancel(cancel);
    freshCount = markPairs(value.codes, groupIds, entries, seen, fresh, freshCount, start, Math.min(rowCount, start + POLL_MASK + 1));
  }
  for (let k = 0; k < freshCount; k++) {
    const pair = fresh[k];
    const group = Math.floor(pair / entries);
    sets[group].add(value.dict[pair - group * entries]);
  }
  return true;
}

/** `dcount(x)` and `dcountif(x, predicate)`: exact number of distinct non-null values. */
export const dcountAggregate: Aggregate<Set<unknown>[]> = {
  init: (groupCount) => Array.from({ length: groupCount }, () => new Set<unknown>()),
  add(sets, groupIds, rowCount, args, cancel) {
    const [value, second] = args;
    // dcount(x, accuracy) has a numeric constant second argument; dcountif(x, predicate) a bool one.
    const predicate = second !== undefined && second.type === 'bool' ? second : undefined;
    if (predicate === undefined && addDistinctCodes(sets, groupIds, rowCount, value, cancel)) return;
    // String codes are only comparable within one dictionary: key strings by text across batches.
    const byText = value.kind === 'string';
    for (let i = 0; i < rowCount; i++) {
      if ((i & POLL_MASK) === 0) pollCancel(cancel);
      if (predicate !== undefined && !isTrueAt(predicate, i)) continue;
      const key = distinctKey(value, i);
      if (key === undefined) continue;
      sets[groupIds[i]].add(byText && value.kind === 'string' ? value.dict[key as number] : key);
    }
  },
  merge(into, from) {
    into.forEach((set, g) => from[g].forEach((v) => set.add(v)));
  },
  result(sets, groupCount, type) {
    return countsColumn(Float64Array.from(sets.slice(0, groupCount), (s) => s.size), groupCount, type);
  },
};
