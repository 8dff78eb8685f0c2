/**
 * `estimate_data_size(*)` (estimate-data-size-function.md): `*` stands for every input column of
 * the row, so the call becomes `estimate_data_size(c1, ..., cN)` over the operator's input
 * columns (its kernel sums the sizes of its arguments; `functions/dataSize.ts`).
 */
import type { Expr } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { KExpression, KFunctionCallExpression } from './kustoTypes';
import { type LoweringContext, failUnsupported, kindName, scalarTypeOf, separatedItems, spanOf } from './nodes';

/** True when a call has a `*` argument (`estimate_data_size(*)`). */
export function hasStarArgument(call: KFunctionCallExpression): boolean {
  return separatedItems(call.ArgumentList.Expressions).some((arg) => kindName(arg) === 'StarExpression');
}

/** `estimate_data_size(...)` with each `*` argument expanded to the row's `columns`. */
export function lowerEstimateDataSize(
  ctx: LoweringContext, call: KFunctionCallExpression, columns: readonly ColumnSchema[] | undefined,
  lowerScalar: (ctx: LoweringContext, e: KExpression) => Expr,
): Expr {
  const args = separatedItems(call.ArgumentList.Expressions).flatMap((arg): Expr[] => {
    if (kindName(arg) !== 'StarExpression') return [lowerScalar(ctx, arg)];
    if (columns === undefined) return failUnsupported('estimate_data_size(*) here', arg);
    const span = spanOf(arg);
    return columns.map((c): Expr => ({ kind: 'column', name: c.name, type: c.type, span }));
  });
  return { kind: 'call', name: 'estimate_data_size', args, type: scalarTypeOf(call), span: spanOf(call) };
}
