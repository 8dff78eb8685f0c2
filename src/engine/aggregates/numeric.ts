/**
 * sum, avg, min, max and their `*if` forms. Nulls are ignored; a group with no value gives
 * sum 0, avg NaN (null for a timespan), min/max null. sum of int is long (the binder's type), avg is real (timespan for timespans), min/max keep
 * the argument's type and also work on strings (ordinal; empty strings ignored) .
 */
import type { Column } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import { POLL_MASK, pollCancel, writerFor } from '../functions/vector';
import { NumericWriter } from '../functions/vector';
import { isNumericType } from '../types/scalarType';
import type { Aggregate } from './protocol';
import { numberAt, passesPredicate } from './argReaders';

/** Per-group running sums and counts (counts of values seen; 0 means "no value"). */
export interface SumState {
  readonly sums: Float64Array;
  readonly counts: Float64Array;
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

function addSums(state: SumState, groupIds: Int32Array, rowCount: number, args: readonly Column[], cancel: { isCancelled(): boolean }): void {
  const [value, predicate] = args;
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
    init: (groupCount) => ({ sums: new Float64Array(groupCount), counts: new Float64Array(groupCount) }),
    add: addSums,
    merge(into, from) {
      for (let g = 0; g < into.sums.length; g++) {
        into.sums[g] += from.sums[g];
        into.counts[g] += from.counts[g];
      }
    },
    result(state, groupCount, type) {
      if (!isNumericType(type)) throw new TypeError(`sum/avg: non-numeric result type ${type}`);
      const out = new NumericWriter(type, groupCount);
      const whole = type === 'int' || type === 'long' || type === 'timespan' || type === 'datetime';
      for (let g = 0; g < groupCount; g++) {
        // No value (empty input, or only nulls): Kusto's documented defaults are sum = 0 and
        // avg = 0 / 0 = NaN (docs: summarize-operator, "Default values of aggregations"); a NaN
        // of a non-real type is stored as null.
        const v = mean ? state.sums[g] / state.counts[g] : state.sums[g];
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

/** Per-group best value so far (numbers, or strings for string arguments). */
export interface ExtremeState {
  readonly best: (number | string | null)[];
}

/** `min`/`max` (and `minif`/`maxif`): `sign` 1 keeps the largest, -1 the smallest. */
function extreme(sign: 1 | -1): Aggregate<ExtremeState> {
  return {
    init: (groupCount) => ({ best: new Array<number | string | null>(groupCount).fill(null) }),
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
      const w = writerFor(type, groupCount);
      for (let g = 0; g < groupCount; g++) w.set(g, state.best[g]);
      return w.finish();
    },
  };
}

/** `max(x)` / `maxif(x, p)`. */
export const maxAggregate = extreme(1);
/** `min(x)` / `minif(x, p)`. */
export const minAggregate = extreme(-1);
