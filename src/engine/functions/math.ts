/** Math functions: abs, round, ceiling, sqrt, pow, exp, exp2, exp10, log, log2, log10, sign, isnan, isinf, isfinite, pi. */
import type { NumericType } from '../types/scalarType';
import { isNumericType } from '../types/scalarType';
import type { ScalarKernel } from './kernel';
import { asNumeric, constantOf, mapNumbers, mapValues } from './vector';

/** Lifts a one- or two-argument numeric function; the result type is the binder's. */
function numeric(fn: (a: number, b: number) => number): ScalarKernel {
  return (args, call, ctx) => {
    if (!isNumericType(call.type)) throw new TypeError(`${call.name}: non-numeric result ${call.type}`);
    const outType: NumericType = call.type;
    if (args.every((a) => a.kind === 'number')) {
      return mapNumbers(args.map((a) => asNumeric(a, call.name)), outType, ctx, (a, b) => fn(a, b));
    }
    return mapValues(args, outType, ctx, ([a, b]) => (typeof a === 'number' ? fn(a, typeof b === 'number' ? b : 0) : null));
  };
}

/** .NET-style rounding to `digits` decimals, half away from zero. */
export function roundTo(x: number, digits: number): number {
  const d = Math.trunc(digits);
  const factor = Math.pow(10, d);
  const scaled = Math.abs(x) * factor;
  // Nudge by a relative epsilon so 1.005 * 100 = 100.49999... still rounds up as written.
  const rounded = Math.floor(scaled + 0.5 + scaled * Number.EPSILON);
  return (Math.sign(x) * rounded) / factor;
}

/** A boolean test over numbers; null in -> null. */
function numericTest(test: (a: number) => boolean): ScalarKernel {
  return (args, _call, ctx) => mapValues(args, 'bool', ctx, ([a]) => (typeof a === 'number' ? test(a) : null));
}

/** Math functions by Kusto name. */
export const MATH_FUNCTIONS: Record<string, ScalarKernel> = {
  abs: numeric((a) => Math.abs(a)),
  round: numeric((a, digits) => roundTo(a, digits)),
  ceiling: numeric((a) => Math.ceil(a)),
  sqrt: numeric((a) => Math.sqrt(a)),
  pow: numeric((a, b) => Math.pow(a, b)),
  exp: numeric((a) => Math.exp(a)),
  exp2: numeric((a) => Math.pow(2, a)),
  exp10: numeric((a) => Math.pow(10, a)),
  log: numeric((a) => Math.log(a)),
  log2: numeric((a) => Math.log2(a)),
  log10: numeric((a) => Math.log10(a)),
  sign: numeric((a) => Math.sign(a)),
  isnan: numericTest((a) => Number.isNaN(a)),
  isinf: numericTest((a) => a === Infinity || a === -Infinity),
  isfinite: numericTest((a) => Number.isFinite(a)),
  pi: (_args, call) => constantOf(call.type, Math.PI),
};
