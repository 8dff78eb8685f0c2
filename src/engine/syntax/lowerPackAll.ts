/**
 * `pack_all([ignore_null_empty])` (pack-all-function.md): a property bag of every input column
 * of the row, named after the columns. Lowered to the internal `$pack_all(ignore, c1, ..., cN)`
 * kernel (`functions/bags.ts`) with the operator's input columns, which the plan cannot
 * otherwise reach from a scalar call.
 */
import type { Expr } from '../plan';
import type { ColumnSchema } from '../table/column';
import { PACK_ALL_FUNCTION } from '../functions/bags';
import type { KExpression, KFunctionCallExpression } from './kustoTypes';
import { type LoweringContext, scalarTypeOf, separatedItems, spanOf } from './nodes';

/** `pack_all(...)` over `columns`. */
export function lowerPackAll(
  ctx: LoweringContext, call: KFunctionCallExpression, columns: readonly ColumnSchema[],
  lowerScalar: (ctx: LoweringContext, e: KExpression) => Expr,
): Expr {
  const span = spanOf(call);
  const [flag] = separatedItems(call.ArgumentList.Expressions);
  const ignore: Expr = flag === undefined ? { kind: 'literal', type: 'bool', value: false, span } : lowerScalar(ctx, flag);
  const values: Expr[] = columns.map((c) => ({ kind: 'column', name: c.name, type: c.type, span }));
  return { kind: 'call', name: PACK_ALL_FUNCTION, args: [ignore, ...values], type: scalarTypeOf(call), span };
}
