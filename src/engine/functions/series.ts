/**
 * Series functions over numeric dynamic arrays (the output of `make-series`), each as its page in
 * `data-explorer/kusto/query/` defines it:
 * - element-wise arithmetic and comparison of two series (or a series and a scalar):
 *   series_add/subtract/multiply/divide/pow, series_greater(_equals)/less(_equals)/equals/not_equals —
 *   a non-numeric or missing element (arrays of different lengths) gives a null element, the
 *   result is as long as the longer input; series_divide is always real division;
 * - element-wise math: series_abs/sign/floor/ceiling/exp/log;
 * - gap filling: series_fill_const/forward/backward/linear;
 * - summaries: series_sum, series_stats_dynamic.
 * A first argument that is not an array gives null.
 *
 * Known limit: the engine's dynamic arrays do not remember whether elements were `long` or
 * `real` (both are JSON numbers), so `series_fill_linear` interpolates as real for every array
 * (Kusto truncates interpolated values of all-integer arrays).
 */
import type { DynamicValue } from '../table/column';
import type { ScalarKernel } from './kernel';
import { mapDynamic } from './dynamicAccess';
import type { Scalar } from './vector';

/** A series element as a number: JSON numbers, booleans, and Kusto's text forms of NaN and infinities. */
export function elementNumber(v: DynamicValue): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return null;
}

/** A number as a dynamic element (NaN and infinities as their text, as JSON has no such numbers). */
export function numberElement(v: number): DynamicValue {
  return Number.isFinite(v) ? v : String(v);
}

/** Element-wise binary operation over two series, or a series and a scalar (broadcast). */
export function seriesBinary(a: DynamicValue, b: DynamicValue, op: (x: number, y: number) => DynamicValue): DynamicValue {
  if (!Array.isArray(a) && !Array.isArray(b)) return null;
  const length = Math.max(Array.isArray(a) ? a.length : 0, Array.isArray(b) ? b.length : 0);
  const out = new Array<DynamicValue>(length);
  for (let i = 0; i < length; i++) {
    const x = elementNumber(Array.isArray(a) ? (i < a.length ? a[i] : null) : a);
    const y = elementNumber(Array.isArray(b) ? (i < b.length ? b[i] : null) : b);
    out[i] = x === null || y === null ? null : op(x, y);
  }
  return out;
}

function binary(op: (x: number, y: number) => DynamicValue): ScalarKernel {
  return (args, call, ctx) => mapDynamic(args, call.type, ctx, ([a, b]) => seriesBinary(a, b, op));
}

function unary(op: (x: number) => number): ScalarKernel {
  return (args, call, ctx) => mapDynamic(args, call.type, ctx, ([a]) => {
    if (!Array.isArray(a)) return null;
    return a.map((v) => {
      const x = elementNumber(v);
      return x === null ? null : numberElement(op(x));
    });
  });
}

/** True when `v` is the missing-value placeholder (`null` placeholder: null elements). */
function isMissing(v: DynamicValue, placeholder: DynamicValue): boolean {
  if (placeholder === null) return v === null;
  const p = elementNumber(placeholder);
  const x = elementNumber(v);
  return p !== null && x !== null ? x === p || (Number.isNaN(x) && Number.isNaN(p)) : v === placeholder;
}

/** `series_fill_const(series, constant, placeholder = null)`. */
export function fillConst(series: readonly DynamicValue[], constant: DynamicValue, placeholder: DynamicValue): DynamicValue[] {
  return series.map((v) => (isMissing(v, placeholder) ? constant : v));
}

/** `series_fill_forward` (`backward` = false) / `series_fill_backward`: missing values take the last (next) present one. */
export function fillDirectional(series: readonly DynamicValue[], placeholder: DynamicValue, backward: boolean): DynamicValue[] {
  const out = series.slice();
  let last: DynamicValue | undefined;
  for (let k = 0; k < out.length; k++) {
    const i = backward ? out.length - 1 - k : k;
    if (!isMissing(out[i], placeholder)) last = out[i];
    else if (last !== undefined) out[i] = last;
  }
  return out;
}

/**
 * `series_fill_linear(series, placeholder = null, fill_edges = true, constant = 0)`: inner gaps are
 * interpolated linearly; edge gaps take the nearest value when `fillEdges`; an array of nothing
 * but missing values becomes `constant` everywhere (null keeps it as is).
 */
export function fillLinear(series: readonly DynamicValue[], placeholder: DynamicValue, fillEdges: boolean, constant: DynamicValue): DynamicValue[] {
  const present: number[] = [];
  series.forEach((v, i) => {
    if (!isMissing(v, placeholder) && elementNumber(v) !== null) present.push(i);
  });
  if (present.length === 0) return constant === null ? series.slice() : series.map(() => constant);
  const out = series.slice();
  for (let p = 0; p + 1 < present.length; p++) {
    const from = present[p];
    const to = present[p + 1];
    const a = elementNumber(series[from]) as number;
    const b = elementNumber(series[to]) as number;
    for (let i = from + 1; i < to; i++) out[i] = numberElement(a + ((b - a) * (i - from)) / (to - from));
  }
  if (fillEdges) {
    for (let i = 0; i < present[0]; i++) out[i] = series[present[0]];
    for (let i = present[present.length - 1] + 1; i < out.length; i++) out[i] = series[present[present.length - 1]];
  }
  return out;
}

/** `series_stats_dynamic(series, ignore_nonfinite = false)`: min, min_idx, max, max_idx, avg, stdev, variance, sum, len. */
export function seriesStats(series: readonly DynamicValue[], ignoreNonFinite: boolean): DynamicValue {
  let min = Infinity;
  let max = -Infinity;
  let minIdx = -1;
  let maxIdx = -1;
  let sum = 0;
  let count = 0;
  let nonFinite = false;
  series.forEach((v, i) => {
    const x = elementNumber(v);
    if (x === null || !Number.isFinite(x)) {
      nonFinite = true;
      return;
    }
    if (x < min) [min, minIdx] = [x, i];
    if (x > max) [max, maxIdx] = [x, i];
    sum += x;
    count++;
  });
  if ((nonFinite && !ignoreNonFinite) || count === 0) {
    return { min: null, min_idx: null, max: null, max_idx: null, avg: null, stdev: null, variance: null, sum: null, len: series.length };
  }
  const avg = sum / count;
  let squares = 0;
  series.forEach((v) => {
    const x = elementNumber(v);
    if (x !== null && Number.isFinite(x)) squares += (x - avg) * (x - avg);
  });
  const variance = count > 1 ? squares / (count - 1) : 0;
  return { min, min_idx: minIdx, max, max_idx: maxIdx, avg, stdev: Math.sqrt(variance), variance, sum, len: count };
}

/** `series_sum(series)`: the sum of the numeric elements (null elements are skipped). */
export function seriesSum(series: readonly DynamicValue[]): Scalar {
  let sum = 0;
  for (const v of series) {
    const x = elementNumber(v);
    if (x !== null) sum += x;
  }
  return sum;
}

const compare = (test: (x: number, y: number) => boolean) => binary((x, y) => test(x, y));

/** The series family, by Kusto name. */
export const SERIES_FUNCTIONS: Readonly<Record<string, ScalarKernel>> = {
  series_add: binary((x, y) => numberElement(x + y)),
  series_subtract: binary((x, y) => numberElement(x - y)),
  series_multiply: binary((x, y) => numberElement(x * y)),
  series_divide: binary((x, y) => numberElement(x / y)),
  series_pow: binary((x, y) => numberElement(x ** y)),
  series_greater: compare((x, y) => x > y),
  series_greater_equals: compare((x, y) => x >= y),
  series_less: compare((x, y) => x < y),
  series_less_equals: compare((x, y) => x <= y),
  series_equals: compare((x, y) => x === y),
  series_not_equals: compare((x, y) => x !== y),
  series_abs: unary(Math.abs),
  series_sign: unary(Math.sign),
  series_floor: unary(Math.floor),
  series_ceiling: unary(Math.ceil),
  series_exp: unary(Math.exp),
  series_log: unary(Math.log),
  series_fill_const: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([s, constant, placeholder]) =>
    (Array.isArray(s) ? fillConst(s, constant ?? null, placeholder ?? null) : null)),
  series_fill_forward: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([s, placeholder]) =>
    (Array.isArray(s) ? fillDirectional(s, placeholder ?? null, false) : null)),
  series_fill_backward: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([s, placeholder]) =>
    (Array.isArray(s) ? fillDirectional(s, placeholder ?? null, true) : null)),
  series_fill_linear: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([s, placeholder, edges, constant]) =>
    (Array.isArray(s) ? fillLinear(s, placeholder ?? null, edges !== false, args.length > 3 ? (constant ?? null) : 0) : null)),
  series_sum: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([s]) => (Array.isArray(s) ? seriesSum(s) : null)),
  series_stats_dynamic: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([s, ignore]) =>
    (Array.isArray(s) ? seriesStats(s, ignore === true) : null)),
};
