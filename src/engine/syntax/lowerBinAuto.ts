/**
 * `bin_auto(value)` (bin-auto-function.md): `bin()` with the size the query sets with
 * `set query_bin_auto_size=...;`, shifted so that `set query_bin_auto_at=...;` (default 0) is
 * a bin's start. Lowered to the plan's `bin(value, size)` or `bin_at(value, size, at)`.
 */
import type { Expr } from '../plan';
import { EngineFailure, analysisError } from '../errors';
import type { KExpression, KFunctionCallExpression } from './kustoTypes';
import { type LoweringContext, failUnsupported, scalarTypeOf, separatedItems, spanOf } from './nodes';

/** Lowers `bin_auto(value)` with the query's `query_bin_auto_size` / `query_bin_auto_at`. */
export function lowerBinAuto(
  ctx: LoweringContext, call: KFunctionCallExpression, lowerScalar: (ctx: LoweringContext, expr: KExpression) => Expr,
): Expr {
  const [valueArg] = separatedItems(call.ArgumentList.Expressions);
  if (valueArg === undefined) return failUnsupported('bin_auto without an argument', call);
  const size = ctx.lets.options.get('query_bin_auto_size');
  const span = spanOf(call);
  if (size === undefined) {
    throw new EngineFailure(analysisError('bin_auto(): the query sets no bin size (set query_bin_auto_size=...;)', span));
  }
  const value = lowerScalar(ctx, valueArg);
  const type = scalarTypeOf(call);
  const at = ctx.lets.options.get('query_bin_auto_at');
  return at === undefined
    ? { kind: 'call', name: 'bin', args: [value, size], type, span }
    : { kind: 'call', name: 'bin_at', args: [value, size, at], type, span };
}
