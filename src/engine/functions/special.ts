/**
 * Special math functions: gamma, loggamma, erf, erfc, beta_cdf, beta_pdf, beta_inv.
 * Null in -> null out; values outside a function's domain give NaN (as the docs show), except
 * `beta_inv` of a probability outside [0, 1], which is null.
 */
import { betaCdf, betaInv, betaPdf, erf, erfc, gamma, logGamma } from '../types/specialMath';
import type { ScalarKernel } from './kernel';
import { mapValues } from './vector';

function unary(fn: (x: number) => number): ScalarKernel {
  return (args, call, ctx) => mapValues(args, call.type, ctx, ([x]) => (typeof x === 'number' ? fn(x) : null));
}

function ternary(fn: (x: number, a: number, b: number) => number | null): ScalarKernel {
  return (args, call, ctx) =>
    mapValues(args, call.type, ctx, ([x, a, b]) =>
      typeof x === 'number' && typeof a === 'number' && typeof b === 'number' ? fn(x, a, b) : null);
}

/** Special math functions by Kusto name. */
export const SPECIAL_FUNCTIONS: Record<string, ScalarKernel> = {
  gamma: unary(gamma),
  loggamma: unary(logGamma),
  erf: unary(erf),
  erfc: unary(erfc),
  beta_cdf: ternary(betaCdf),
  beta_pdf: ternary(betaPdf),
  beta_inv: ternary(betaInv),
};
