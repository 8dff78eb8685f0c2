/**
 * `percentile(x, p)`, `percentiles(x, p1, p2, ...)` and `percentiles_array(x, p1, ...)` /
 * `percentiles_array(x, dynamic([p1, ...]))`.
 *
 * Definition: the exact nearest-rank percentile that Kusto's docs define
 * (percentiles-aggregation-function.md, "Nearest-rank percentile"): of the n non-null values in
 * ascending order, the P-th percentile is the value at rank ceil(P / 100 * n), and the 0-th is the
 * smallest. Kusto itself estimates it with a t-digest (exact at 0 and 100, within 1 % of rank
 * elsewhere); the engine computes the exact value, which always lies within those bounds and is
 * a member of the population. Nulls (and real NaN) are ignored; a group with no value gives null.
 * The result has the input's type (numbers, datetime, timespan), as the binder says.
 *
 * `percentiles(x, a, b)` is lowered to one `percentile` call per output column (the plan's
 * aggregate call yields one column); `percentiles` is registered too, as the same function.
 *
 * State: every (group, value) pair in two growable typed arrays; at the end the values are
 * bucketed by group (counting sort) and each bucket is selected in (one percentile: quickselect,
 * O(n)) or sorted (several percentiles).
 */
import type { Column, DynamicValue } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import { isNumericType } from '../types/scalarType';
import { formatDatetime, formatTimespan } from '../types/datetime';
import { EngineFailure, runtimeError } from '../errors';
import { POLL_MASK, pollCancel, writerFor } from '../functions/vector';
import type { CancelSignal } from '../cancel';
import type { Aggregate } from './protocol';

/** The collected values of every group, and what was asked. */
export interface PercentileState {
  values: Float64Array;
  groups: Int32Array;
  length: number;
  /** The requested percentiles (read from the constant arguments on the first batch). */
  percents: number[] | null;
  /** The value argument's type (to format datetimes inside `percentiles_array`). */
  valueType: ScalarType | null;
}

function initState(): PercentileState {
  return { values: new Float64Array(0), groups: new Int32Array(0), length: 0, percents: null, valueType: null };
}

function checkPercent(p: number): number {
  if (!Number.isFinite(p) || p < 0 || p > 100) throw new EngineFailure(runtimeError(`percentile must be between 0 and 100, got ${p}`));
  return p;
}

/** The percentiles asked by the constant arguments after the value: numbers, or one dynamic array. */
function readPercents(args: readonly Column[]): number[] {
  const percents: number[] = [];
  for (const arg of args.slice(1)) {
    if (arg.kind === 'number') {
      if (arg.nulls !== null && arg.nulls[0] === 1) throw new EngineFailure(runtimeError('percentile must not be null'));
      percents.push(checkPercent(arg.data[0]));
    } else if (arg.kind === 'dynamic' && Array.isArray(arg.values[0])) {
      for (const v of arg.values[0]) {
        if (typeof v !== 'number') throw new EngineFailure(runtimeError('percentiles_array: the percentiles must be numbers'));
        percents.push(checkPercent(v));
      }
    } else {
      throw new EngineFailure(runtimeError('percentile: the percentile must be a number'));
    }
  }
  if (percents.length === 0) throw new EngineFailure(runtimeError('percentile: no percentile given'));
  return percents;
}

function ensureCapacity(state: PercentileState, extra: number): void {
  const needed = state.length + extra;
  if (needed <= state.values.length) return;
  const capacity = Math.max(needed, state.values.length * 2, 64);
  const values = new Float64Array(capacity);
  values.set(state.values.subarray(0, state.length));
  const groups = new Int32Array(capacity);
  groups.set(state.groups.subarray(0, state.length));
  state.values = values;
  state.groups = groups;
}

function addValues(state: PercentileState, groupIds: Int32Array, rowCount: number, args: readonly Column[], cancel: CancelSignal): void {
  state.percents ??= readPercents(args);
  const value = args[0];
  if (value.kind !== 'number') throw new EngineFailure(runtimeError(`percentile of ${value.type} is not supported`));
  state.valueType ??= value.type;
  ensureCapacity(state, rowCount);
  const { data, nulls } = value;
  const constant = value.length === 1 && rowCount !== 1;
  const values = state.values;
  const groups = state.groups;
  let n = state.length;
  for (let i = 0; i < rowCount; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(cancel);
    const r = constant ? 0 : i;
    if (nulls !== null && nulls[r] === 1) continue;
    const v = data[r];
    if (Number.isNaN(v)) continue;
    values[n] = v;
    groups[n++] = groupIds[i];
  }
  state.length = n;
}

function mergeStates(into: PercentileState, from: PercentileState): void {
  into.percents ??= from.percents;
  into.valueType ??= from.valueType;
  ensureCapacity(into, from.length);
  into.values.set(from.values.subarray(0, from.length), into.length);
  into.groups.set(from.groups.subarray(0, from.length), into.length);
  into.length += from.length;
}

/** The values of every group, contiguous: group g is `values[offsets[g] .. offsets[g+1])`. */
function bucketByGroup(state: PercentileState, groupCount: number): { values: Float64Array; offsets: Int32Array } {
  const offsets = new Int32Array(groupCount + 1);
  for (let i = 0; i < state.length; i++) offsets[state.groups[i] + 1]++;
  for (let g = 0; g < groupCount; g++) offsets[g + 1] += offsets[g];
  const cursor = offsets.slice(0, groupCount);
  const values = new Float64Array(state.length);
  for (let i = 0; i < state.length; i++) values[cursor[state.groups[i]]++] = state.values[i];
  return { values, offsets };
}

/** 0-based index of the nearest-rank P-th percentile among n sorted values (n > 0). */
export function nearestRankIndex(percent: number, n: number): number {
  // p * n is exact for integer p and n below 2^53 / 100, so 95 * 20 / 100 is exactly 19.
  const rank = Math.ceil((percent * n) / 100);
  return Math.min(Math.max(rank, 1), n) - 1;
}

/**
 * Rearranges `a[lo..hi)` so that `a[k]` holds the value it would hold if sorted (quickselect with
 * a median-of-three pivot and a three-way partition, so runs of equal values stay linear).
 */
export function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): number {
  let left = lo;
  let right = hi - 1;
  while (left < right) {
    const mid = left + ((right - left) >> 1);
    const x = a[left];
    const y = a[mid];
    const z = a[right];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // Three-way partition: [left, lt) < pivot, [lt, i) == pivot, (gt, right] > pivot.
    let lt = left;
    let gt = right;
    let i = left;
    while (i <= gt) {
      const v = a[i];
      if (v < pivot) {
        a[i++] = a[lt];
        a[lt++] = v;
      } else if (v > pivot) {
        a[i] = a[gt];
        a[gt--] = v;
      } else {
        i++;
      }
    }
    if (k < lt) right = lt - 1;
    else if (k > gt) left = gt + 1;
    else return a[k];
  }
  return a[k];
}

/** `percentile(x, p)` (and `percentiles` with one percentile per call): one column of x's type. */
export const percentileAggregate: Aggregate<PercentileState> = {
  init: initState,
  add: addValues,
  merge: mergeStates,
  result(state, groupCount, type) {
    const out = writerFor(type, groupCount);
    const { values, offsets } = bucketByGroup(state, groupCount);
    const percent = state.percents?.[0] ?? 50;
    for (let g = 0; g < groupCount; g++) {
      const start = offsets[g];
      const n = offsets[g + 1] - start;
      if (n === 0) {
        out.set(g, null);
        continue;
      }
      out.set(g, selectInPlace(values, start, start + n, start + nearestRankIndex(percent, n)));
    }
    return out.finish();
  },
};

/** A number as a `dynamic` element: datetimes and timespans as their text, as Kusto does. */
function dynamicNumber(v: number, type: ScalarType | null): DynamicValue {
  if (type === 'datetime') return formatDatetime(v);
  if (type === 'timespan') return formatTimespan(v);
  if (type === 'bool') return v !== 0;
  return v;
}

/** `percentiles_array(x, p1, ...)`: one dynamic array of the percentiles per group (null when empty). */
export const percentilesArrayAggregate: Aggregate<PercentileState> = {
  init: initState,
  add: addValues,
  merge: mergeStates,
  result(state, groupCount, type) {
    if (isNumericType(type)) throw new TypeError(`percentiles_array: result type ${type}`);
    const out = writerFor(type, groupCount);
    const { values, offsets } = bucketByGroup(state, groupCount);
    const percents = state.percents ?? [];
    for (let g = 0; g < groupCount; g++) {
      const start = offsets[g];
      const n = offsets[g + 1] - start;
      if (n === 0) {
        out.set(g, null);
        continue;
      }
      const sorted = values.subarray(start, start + n).sort();
      out.set(g, percents.map((p) => dynamicNumber(sorted[nearestRankIndex(p, n)], state.valueType)));
    }
    return out.finish();
  },
};
