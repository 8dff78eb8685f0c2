/**
 * Scalar functions over exact 64-bit longs (`NumericColumn.exact`, see table/exactLong.ts).
 * The evaluator lets a column of exact longs reach only the functions named here; every other
 * function answers "not supported yet" for it rather than reading rounded values.
 */
import type { Column, NumericColumn } from '../table/column';
import type { ScalarKernel } from './kernel';
import { bigIntAt, hasExactValues, longColumnOf, wrapLong } from '../table/exactLong';
import type { EvalContext } from './vector';
import { POLL_MASK, isNullAt, pollCancel, resultLength } from './vector';

/**
 * Functions that read exact longs correctly: conversions (`tostring` prints every digit; `toreal`
 * and friends read the double, which is the conversion), null tests, hashing, bitwise functions
 * and the unixtime conversions that take nanoseconds or microseconds.
 */
export const EXACT_LONG_FUNCTIONS: ReadonlySet<string> = new Set([
  'tostring', 'tolong', 'toreal', 'todouble', 'todecimal', 'strcat',
  'isnull', 'isnotnull', 'isempty', 'isnotempty',
  'hash', 'hash_xxhash64',
  'binary_and', 'binary_or', 'binary_xor', 'binary_not', 'binary_shift_left', 'binary_shift_right', 'bitset_count_ones',
  'unixtime_nanoseconds_todatetime', 'unixtime_microseconds_todatetime',
]);

/**
 * A long vector computed row by row in BigInt: `fn(row)` gives the value (wrapped to 64 bits)
 * or null. The result carries `exact` only when some value needs it.
 */
export function mapExactLong(args: readonly Column[], ctx: EvalContext, fn: (row: number) => bigint | null): NumericColumn {
  const n = resultLength(args, ctx.rowCount);
  const values = new BigInt64Array(n);
  let nulls: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(ctx.cancel);
    const v = args.some((a) => isNullAt(a, i)) ? null : fn(i);
    if (v === null) {
      nulls ??= new Uint8Array(n);
      nulls[i] = 1;
    } else {
      values[i] = wrapLong(v);
    }
  }
  return longColumnOf(values, nulls);
}

/** True when any argument holds exact longs. */
export function anyExact(args: readonly Column[]): boolean {
  return args.some(hasExactValues);
}

/** Row `row` of a numeric argument as a 64-bit integer (exact when the column is). */
export function int64At(column: NumericColumn, row: number): bigint {
  return bigIntAt(column, row);
}

/** A bool vector's row as a condition: true only when non-null and set (a null condition is false). */
function conditionAt(column: Column, row: number): boolean {
  return column.kind === 'number' && !isNullAt(column, row) && column.data[column.length === 1 ? 0 : row] !== 0;
}

/**
 * A long vector whose row `i` is the value of argument `choose(i)` at that row (-1: null): the
 * conditional functions over exact longs, which pick values and never compute with them.
 */
function pickLong(args: readonly Column[], ctx: EvalContext, choose: (row: number) => number): NumericColumn {
  const n = resultLength(args, ctx.rowCount);
  const values = new BigInt64Array(n);
  let nulls: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(ctx.cancel);
    const k = choose(i);
    const picked = k < 0 ? undefined : args[k];
    if (picked === undefined || picked.kind !== 'number' || isNullAt(picked, i)) {
      nulls ??= new Uint8Array(n);
      nulls[i] = 1;
    } else {
      values[i] = bigIntAt(picked, i);
    }
  }
  return longColumnOf(values, nulls);
}

/** `case(c1, v1, ..., else)` / `iff(c, a, b)` picking exact longs. */
const caseOfLongs: ScalarKernel = (args, _call, ctx) =>
  pickLong(args, ctx, (i) => {
    for (let k = 0; k + 1 < args.length; k += 2) if (conditionAt(args[k], i)) return k + 1;
    return args.length - 1;
  });

/** `coalesce(a, b, ...)` picking the first non-null exact long. */
const coalesceOfLongs: ScalarKernel = (args, _call, ctx) => pickLong(args, ctx, (i) => args.findIndex((a) => !isNullAt(a, i)));

/**
 * Kernels that replace a function's usual kernel when an argument holds exact longs and the
 * result is a long (the usual kernels of these functions read doubles).
 */
export const EXACT_LONG_KERNELS: ReadonlyMap<string, ScalarKernel> = new Map([
  ['iff', caseOfLongs],
  ['iif', caseOfLongs],
  ['case', caseOfLongs],
  ['coalesce', coalesceOfLongs],
]);
