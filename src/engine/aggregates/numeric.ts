/**
 * sum, avg, min, max and their `*if` forms. Nulls are ignored; a group with no value gives
 * sum 0, avg NaN (null for a timespan), min/max null. sum of int is long (the binder's type), avg is real (timespan for timespans), min/max keep
 * the argument's type and also work on strings (ordinal; empty strings ignored) .
 *
 * `sum` of int/long is exact: while no total can leave ±2^53 (bounded by the rows times the
 * largest magnitude) it adds doubles as before; otherwise, and for exact 64-bit longs
 * (`NumericColumn.exact`), it adds BigInts that wrap at 64 bits like .NET's unchecked long.
 * min/max of exact longs compare the exact values.
 */
import type { Column } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import { POLL_MASK, pollCancel } from '../functions/vector';
import { NumericWriter } from '../functions/vector';
import { isNumericType } from '../types/scalarType';
import type { Aggregate } from './protocol';
import { numberAt, passesPredicate } from './argReaders';
import { bigIntAt, exactNumberKey, longColumnOf } from '../table/exactLong';
import { resultKeepingExact } from './exactLongAggregates';

/** Per-group running sums and counts (counts of values seen; 0 means "no value"). */
export interface SumState {
  readonly sums: Float64Array;
  readonly counts: Float64Array;
  /**
   * `sum` of int/long only: exact per-group totals (wrapping at 64 bits), once a total may leave
   * ±2^53 or an argument holds exact longs; null while the doubles in `sums` are exact.
   */
  exact: BigInt64Array | null;
}

// Small loops over typed arrays only (sum/avg of a numeric column without a predicate), so each stays optimized.
function sumDense(data: Float64Array, groupIds: Int32Array, sums: Float64Array, counts: Float64Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const g = groupIds[i];
    sums[g] += data[i];
    counts[g]++;
  }
}

function sumMasked(data: Float64Array, nulls: Uint8Array, groupIds: Int32Array, sums: Float64Array, counts: Float64Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    if (nulls[i] === 1) continue;
    const g = groupIds[i];
    sums[g] += data[i];
    counts[g]++;
  }
}

/** Largest magnitude of the non-null values of a numeric column (NaN when it holds NaN). */
function largestMagnitude(data: Float64Array, nulls: Uint8Array | null): number {
  let max = 0;
  if (nulls === null) {
    for (let i = 0; i < data.length; i++) max = Math.max(max, Math.abs(data[i]));
  } else {
    for (let i = 0; i < data.length; i++) if (nulls[i] === 0) max = Math.max(max, Math.abs(data[i]));
  }
  return max;
}

/** Largest magnitude an int can have. */
const INT_MAGNITUDE = 2 ** 31;

/**
 * Whether adding `rowCount` rows of `value` (an int/long column without exact values) to the
 * doubles of `state` keeps every partial sum within ±2^53, where doubles add integers exactly.
 */
function sumStaysExactInDoubles(state: SumState, value: Column & { kind: 'number' }, rowCount: number): boolean {
  const sumsMagnitude = largestMagnitude(state.sums, null);
  if (value.type === 'int' && INT_MAGNITUDE * rowCount + sumsMagnitude <= Number.MAX_SAFE_INTEGER) return true;
  return largestMagnitude(value.data, value.nulls) * rowCount + sumsMagnitude <= Number.MAX_SAFE_INTEGER;
}

/** Adds the rows to `state.exact` in BigInt (the sums so far are moved there first). */
function addExactSums(state: SumState, groupIds: Int32Array, rowCount: number, value: Column & { kind: 'number' }, predicate: Column | undefined, cancel: { isCancelled(): boolean }): void {
  // The doubles so far are exact integers (they were kept within ±2^53).
  const exact = (state.exact ??= BigInt64Array.from(state.sums, (v) => BigInt(v)));
  const { nulls } = value;
  const constant = value.length === 1;
  for (let i = 0; i < rowCount; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(cancel);
    if (!passesPredicate(predicate, i)) continue;
    if (nulls !== null && nulls[constant ? 0 : i] === 1) continue;
    const g = groupIds[i];
    // A BigInt64Array stores values modulo 2^64: the wrap of .NET's unchecked addition.
    exact[g] += bigIntAt(value, i);
    state.counts[g]++;
  }
}

function addSums(state: SumState, groupIds: Int32Array, rowCount: number, args: readonly Column[], cancel: { isCancelled(): boolean }, exactLongs: boolean): void {
  const [value, predicate] = args;
  if (exactLongs && value.kind === 'number' && (value.type === 'long' || value.type === 'int')) {
    if (state.exact !== null || value.exact !== undefined || !sumStaysExactInDoubles(state, value, rowCount)) {
      addExactSums(state, groupIds, rowCount, value, predicate, cancel);
      return;
    }
  }
  if (predicate === undefined && value.kind === 'number' && value.length === rowCount) {
    const { data, nulls } = value;
    for (let start = 0; start < rowCount; start += POLL_MASK + 1) {
      pollCancel(cancel);
      const end = Math.min(rowCount, start + POLL_MASK + 1);
      if (nulls === null) sumDense(data, groupIds, state.sums, state.counts, start, end);
      else sumMasked(data, nulls, groupIds, state.sums, state.counts, start, end);
    }
    return;
  }
  for (let i = 0; i < rowCount; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(cancel);
    if (!passesPredicate(predicate, i)) continue;
    const v = numberAt(value, i);
    if (v === null) continue;
    const g = groupIds[i];
    state.sums[g] += v;
    state.counts[g]++;
  }
}

function sumLike(mean: boolean): Aggregate<SumState> {
  return {
    init: (groupCount) => ({ sums: new Float64Array(groupCount), counts: new Float64Array(groupCount), exact: null }),
    add: (state, groupIds, rowCount, args, cancel) => addSums(state, groupIds, rowCount, args, cancel, !mean),
    merge(into, from) {
      if (into.exact !== null || from.exact !== null) {
        const exact = (into.exact ??= BigInt64Array.from(into.sums, (v) => BigInt(v)));
        for (let g = 0; g < exact.length; g++) exact[g] += from.exact !== null ? from.exact[g] : BigInt(from.sums[g]);
      }
      for (let g = 0; g < into.sums.length; g++) {
        into.sums[g] += from.sums[g];
        into.counts[g] += from.counts[g];
      }
    },
    result(state, groupCount, type) {
      if (!isNumericType(type)) throw new TypeError(`sum/avg: non-numeric result type ${type}`);
      if (state.exact !== null && !mean && type === 'long') return longColumnOf(state.exact.slice(0, groupCount), null);
      const sums = state.exact !== null && !mean ? Float64Array.from(state.exact, (v) => Number(v)) : state.sums;
      const out = new NumericWriter(type, groupCount);
      const whole = type === 'int' || type === 'long' || type === 'timespan' || type === 'datetime';
      for (let g = 0; g < groupCount; g++) {
        // No value (empty input, or only nulls): Kusto's documented defaults are sum = 0 and
        // avg = 0 / 0 = NaN (docs: summarize-operator, "Default values of aggregations"); a NaN
        // of a non-real type is stored as null.
        const v = mean ? sums[g] / state.counts[g] : sums[g];
        out.setNumber(g, whole && !Number.isNaN(v) ? Math.round(v) : v);
      }
      return out.finish();
    },
  };
}

/** `sum(x)` / `sumif(x, p)`. */
export const sumAggregate = sumLike(false);
/** `avg(x)` / `avgif(x, p)`. */
export const avgAggregate = sumLike(true);

/** Per-group best value so far (numbers, bigints for exact longs beyond ±2^53, or strings for string arguments). */
export interface ExtremeState {
  readonly best: (number | bigint | string | null)[];
}

/** `min`/`max` (and `minif`/`maxif`): `sign` 1 keeps the largest, -1 the smallest. */
function extreme(sign: 1 | -1): Aggregate<ExtremeState> {
  return {
    init: (groupCount) => ({ best: new Array<number | bigint | string | null>(groupCount).fill(null) }),
    add(state, groupIds, rowCount, args, cancel) {
      const [value, predicate] = args;
      const best = state.best;
      if (value.kind === 'string') {
        for (let i = 0; i < rowCount; i++) {
          if ((i & POLL_MASK) === 0) pollCancel(cancel);
          if (!passesPredicate(predicate, i)) continue;
          const code = value.codes[value.length === 1 ? 0 : i];
          if (code < 0) continue;
          const text = value.dict[code];
          if (text === '') continue;
          const g = groupIds[i];
          const cur = best[g];
          if (cur === null || (sign > 0 ? text > (cur as string) : text < (cur as string))) best[g] = text;
        }
        return;
      }
      if (value.kind === 'number' && value.exact !== undefined) {
        // Exact longs: numbers and bigints compare by value with `<` and `>`.
        for (let i = 0; i < rowCount; i++) {
          if ((i & POLL_MASK) === 0) pollCancel(cancel);
          if (!passesPredicate(predicate, i)) continue;
          const v = exactNumberKey(value, i);
          if (v === undefined) continue;
          const g = groupIds[i];
          const cur = best[g];
          if (cur === null || (sign > 0 ? v > (cur as number | bigint) : v < (cur as number | bigint))) best[g] = v;
        }
        return;
      }
      for (let i = 0; i < rowCount; i++) {
        if ((i & POLL_MASK) === 0) pollCancel(cancel);
        if (!passesPredicate(predicate, i)) continue;
        const v = numberAt(value, i);
        if (v === null || Number.isNaN(v)) continue;
        const g = groupIds[i];
        const cur = best[g];
        if (cur === null || (sign > 0 ? v > (cur as number) : v < (cur as number))) best[g] = v;
      }
    },
    merge(into, from) {
      from.best.forEach((v, g) => {
        const cur = into.best[g];
        if (v !== null && (cur === null || (sign > 0 ? v > cur : v < cur))) into.best[g] = v;
      });
    },
    result(state, groupCount, type: ScalarType) {
      return resultKeepingExact(state.best, groupCount, type);
    },
  };
}

/** `max(x)` / `maxif(x, p)`. */
export const maxAggregate = extreme(1);
/** `min(x)` / `minif(x, p)`. */
export const minAggregate = extreme(-1);
