/**
 * More numeric functions: trigonometry (sin, cos, tan, asin, acos, atan, atan2, cot, degrees,
 * radians), bitwise on 64-bit integers (binary_and/or/xor/not, binary_shift_left/right,
 * bitset_count_ones), tohex, rand, floor-free helpers. Null in -> null out.
 */
import { isNumericType } from '../types/scalarType';
import type { NumericType } from '../types/scalarType';
import type { ScalarKernel } from './kernel';
import { asNumeric, mapNumbers, mapValues, writerFor } from './vector';
import type { NumericColumn } from '../table/column';
import { retypeColumn } from '../table/gather';
import { int64At, mapExactLong } from './exactLongFunctions';
import { roundTo } from './math';

const BYTE_UNITS = ['Bytes', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];

/** `format_bytes(size[, precision[, units]])`: 1024-based units, auto-selected when `units` is empty. */
export function formatBytes(size: number, precision: number, units: string): string {
  let unit = BYTE_UNITS.findIndex((u) => u.toLowerCase() === units.toLowerCase());
  if (unit < 0) {
    unit = 0;
    while (unit < BYTE_UNITS.length - 1 && Math.abs(size) >= 1024 ** (unit + 1)) unit++;
  }
  return `${roundTo(size / 1024 ** unit, Math.max(0, precision))} ${BYTE_UNITS[unit]}`;
}

/** Lifts a numeric function onto the binder's numeric result type. */
function numeric(fn: (a: number, b: number) => number): ScalarKernel {
  return (args, call, ctx) => {
    if (!isNumericType(call.type)) throw new TypeError(`${call.name}: non-numeric result ${call.type}`);
    const outType: NumericType = call.type;
    return mapNumbers(args.map((a) => asNumeric(a, call.name)), outType, ctx, fn);
  };
}


/** A number as a signed 64-bit integer (truncated towards zero, wrapped). */
function toInt64(x: number): bigint {
  return BigInt.asIntN(64, BigInt(Math.trunc(x)));
}

/** Row `row` of a numeric vector as a 64-bit integer (exact longs exactly); null for a non-finite real. */
function int64OfRow(column: NumericColumn, row: number): bigint | null {
  if (column.exact !== undefined) return int64At(column, row);
  const v = column.data[column.length === 1 ? 0 : row];
  return Number.isFinite(v) ? toInt64(v) : null;
}

/**
 * A bitwise function over 64-bit integers, computed in BigInt so that every bit of a long
 * survives (results beyond 2^53 come out as exact longs). `fn` returning null gives null.
 */
function bitwise(fn: (a: bigint, b: bigint) => bigint | null): ScalarKernel {
  return (args, call, ctx) => {
    const columns = args.map((a) => asNumeric(a, call.name));
    const [x, y] = columns;
    const result = mapExactLong(columns, ctx, (i) => {
      const a = int64OfRow(x, i);
      const b = y === undefined ? 0n : int64OfRow(y, i);
      return a === null || b === null ? null : fn(a, b);
    });
    return call.type === 'long' ? result : retypeColumn(result, call.type) ?? result;
  };
}

/** `binary_shift_left/right(value, n)`: shifts by n % 64; a negative n is null. */
function shift(left: boolean): ScalarKernel {
  return bitwise((a, n) => {
    if (n < 0n) return null;
    const by = n % 64n;
    return left ? a << by : a >> by;
  });
}

/** `tohex(value[, minLength])`: two's complement hex of long (64-bit) or int (32-bit) values. */
export function toHex(value: number, bits: 32 | 64, minLength: number): string {
  const n = Math.trunc(value);
  const text = (n >= 0 ? BigInt(n) : (bits === 32 ? BigInt.asUintN(32, BigInt(n)) : BigInt.asUintN(64, BigInt(n)))).toString(16);
  return text.padStart(Math.min(16, Math.max(0, Math.trunc(minLength))), '0');
}

/** Popcount of a 64-bit two's complement integer. */
function countOnes(x: bigint): bigint {
  let v = BigInt.asUintN(64, x);
  let count = 0n;
  while (v > 0n) {
    count += v & 1n;
    v >>= 1n;
  }
  return count;
}

/** More numeric functions by Kusto name. */
export const NUMERIC_FUNCTIONS: Record<string, ScalarKernel> = {
  sin: numeric(Math.sin),
  cos: numeric(Math.cos),
  tan: numeric(Math.tan),
  asin: numeric(Math.asin),
  acos: numeric(Math.acos),
  atan: numeric(Math.atan),
  atan2: numeric((y, x) => Math.atan2(y, x)),
  cot: numeric((a) => 1 / Math.tan(a)),
  degrees: numeric((a) => (a * 180) / Math.PI),
  radians: numeric((a) => (a * Math.PI) / 180),
  binary_and: bitwise((a, b) => a & b),
  binary_or: bitwise((a, b) => a | b),
  binary_xor: bitwise((a, b) => a ^ b),
  binary_not: bitwise((a) => ~a),
  binary_shift_left: shift(true),
  binary_shift_right: shift(false),
  bitset_count_ones: bitwise(countOnes),
  tohex: (args, call, ctx) => {
    const bits = args[0].type === 'int' ? 32 : 64;
    return mapValues(args, call.type, ctx, ([v, len]) => (typeof v === 'number' && Number.isFinite(v) ? toHex(v, bits, typeof len === 'number' ? len : 0) : null));
  },
  format_bytes: (args, call, ctx) =>
    mapValues(args, call.type, ctx, ([size, precision, units]) =>
      typeof size === 'number' && Number.isFinite(size)
        ? formatBytes(size, typeof precision === 'number' ? Math.trunc(precision) : 0, typeof units === 'string' ? units : '')
        : '', false),
  rand: (args, call, ctx) => {
    const n = ctx.rowCount;
    const w = writerFor(call.type, n);
    const [limit] = args;
    for (let i = 0; i < n; i++) {
      const r = Math.random();
      const max = limit === undefined ? null : asNumeric(limit, 'rand').data[limit.length === 1 ? 0 : i];
      w.set(i, max === null ? r : Math.floor(r * max));
    }
    return w.finish();
  },
};
