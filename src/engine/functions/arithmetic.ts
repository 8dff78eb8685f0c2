/**
 * Arithmetic operators (`+ - * / %`, unary `-`) over numbers, datetimes and timespans.
 * All numeric types share Float64 storage, so datetime - datetime = timespan,
 * datetime +/- timespan = datetime and timespan * number = timespan are plain arithmetic
 * on ticks; the binder's result type decides integer truncation.
 */
import type { Column, NumericColumn } from '../table/column';
import type { NumericType, ScalarType } from '../types/scalarType';
import { isNumericType } from '../types/scalarType';
import type { EvalContext, Scalar } from './vector';
import { mapNumbers, mapValues } from './vector';
import { bigIntAt, hasExactValues } from '../table/exactLong';
import { mapExactLong } from './exactLongFunctions';

/** Arithmetic binary operators. */
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';

const INTEGER_TYPES: ReadonlySet<ScalarType> = new Set(['int', 'long']);
/** Types whose values are whole numbers (ticks for datetime/timespan). */
const WHOLE_TYPES: ReadonlySet<ScalarType> = new Set(['int', 'long', 'datetime', 'timespan', 'bool']);

/** Kusto's modulo: the result is always in [0, |d|) ("a small non-negative number"). */
export function kustoModulo(a: number, d: number): number {
  const r = a % d;
  return r < 0 ? r + Math.abs(d) : r;
}

function kernelFor(op: ArithmeticOp, leftType: ScalarType, rightType: ScalarType, outType: ScalarType): (a: number, b: number) => number {
  const wholeOut = WHOLE_TYPES.has(outType);
  const integerDivision = INTEGER_TYPES.has(leftType) && INTEGER_TYPES.has(rightType);
  switch (op) {
    case '+':
      return (a, b) => a + b;
    case '-':
      return (a, b) => a - b;
    case '*':
      return wholeOut ? (a, b) => Math.trunc(a * b) : (a, b) => a * b;
    case '/':
      // Integer division by zero gives null (NaN is turned into null for non-real outputs);
      // real division follows IEEE (x/0 = ±inf, 0/0 = NaN).
      if (integerDivision || wholeOut) return (a, b) => (b === 0 ? NaN : Math.trunc(a / b));
      return (a, b) => a / b;
    case '%':
      return wholeOut || integerDivision ? (a, b) => (b === 0 ? NaN : kustoModulo(a, b)) : (a, b) => kustoModulo(a, b);
    default: {
      const never: never = op;
      return never;
    }
  }
}

function toNumber(v: Scalar): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/** Exact 64-bit `left op right` of two integer vectors (.NET semantics: wraps; / truncates; x/0 is null). */
function exactLongArithmetic(op: ArithmeticOp, left: NumericColumn, right: NumericColumn, ctx: EvalContext): Column {
  return mapExactLong([left, right], ctx, (i) => {
    const a = bigIntAt(left, i);
    const b = bigIntAt(right, i);
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return b === 0n ? null : a / b;
      case '%': {
        if (b === 0n) return null;
        const r = a % b;
        return r < 0n ? r + (b < 0n ? -b : b) : r;
      }
      default: {
        const never: never = op;
        return never;
      }
    }
  });
}

/** True when some non-null value of a long vector lies beyond ±(2^53 - 1) (it was rounded). */
function hasUnsafeLong(column: NumericColumn): boolean {
  const { data, nulls } = column;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!(v <= Number.MAX_SAFE_INTEGER && v >= -Number.MAX_SAFE_INTEGER) && !Number.isNaN(v) && (nulls === null || nulls[i] === 0)) return true;
  }
  return false;
}

/** Evaluates `left op right` into a vector of `outType` (the binder's type). */
export function evalArithmetic(op: ArithmeticOp, left: Column, right: Column, outType: ScalarType, ctx: EvalContext): Column {
  const kernel = kernelFor(op, left.type, right.type, outType);
  if (left.kind === 'number' && right.kind === 'number' && isNumericType(outType)) {
    const integers = outType === 'long' && INTEGER_TYPES.has(left.type) && INTEGER_TYPES.has(right.type);
    if (integers && (hasExactValues(left) || hasExactValues(right))) return exactLongArithmetic(op, left, right, ctx);
    const result = mapNumbers([left, right], outType, ctx, kernel);
    // A long result beyond 2^53 was rounded in doubles: compute it again exactly (rare).
    return integers && hasUnsafeLong(result) ? exactLongArithmetic(op, left, right, ctx) : result;
  }
  // dynamic operands: compute when both hold numbers, else null.
  return mapValues([left, right], outType, ctx, ([a, b]) => {
    const x = toNumber(a);
    const y = toNumber(b);
    return x === null || y === null ? null : kernel(x, y);
  });
}

/** Evaluates unary `-x` / `+x`. */
export function evalNegate(op: '-' | '+', operand: Column, outType: ScalarType, ctx: EvalContext): Column {
  if (hasExactValues(operand)) return op === '+' ? operand : mapExactLong([operand], ctx, (i) => -bigIntAt(operand, i));
  if (operand.kind === 'number' && isNumericType(outType)) {
    return mapNumbers([operand as NumericColumn], outType as NumericType, ctx, op === '-' ? (a) => -a : (a) => a);
  }
  return mapValues([operand], outType, ctx, ([a]) => {
    const x = toNumber(a);
    return x === null ? null : op === '-' ? -x : x;
  });
}
