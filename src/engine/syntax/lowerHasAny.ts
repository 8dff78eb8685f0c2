/**
 * `x has_any (a, b, ...)` and `x has_all (...)` lowered to calls of the internal `HAS_ANY_FUNCTION`
 * / `HAS_ALL_FUNCTION` kernels (operand first, then every list item; dynamic arrays are expanded
 * by the kernel), so the plan needs no new expression kind.
 */
import type { Expr } from '../plan';
import { HAS_ALL_FUNCTION, HAS_ANY_FUNCTION } from '../functions/text';
import type { KExpression, KExpressionList } from './kustoTypes';
import { type LoweringContext, kindName, scalarTypeOf, separatedItems, spanOf } from './nodes';

/** The shape of `HasAnyExpression` and `HasAllExpression`. */
interface KHasExpression extends KExpression {
  readonly Left: KExpression;
  readonly Right: KExpressionList;
}

/**
 * Lowers `expr` when it is `has_any` / `has_all`; null otherwise.
 * `lowerScalar` is passed in to avoid an import cycle with the scalar lowering.
 */
export function lowerHasAny(
  ctx: LoweringContext,
  expr: KExpression,
  lowerScalar: (ctx: LoweringContext, expr: KExpression) => Expr,
): Expr | null {
  const kind = kindName(expr);
  if (kind !== 'HasAnyExpression' && kind !== 'HasAllExpression') return null;
  const has = expr as KHasExpression;
  const operand = lowerScalar(ctx, has.Left);
  const items = separatedItems(has.Right.Expressions).map((item) => lowerScalar(ctx, item));
  const name = kind === 'HasAnyExpression' ? HAS_ANY_FUNCTION : HAS_ALL_FUNCTION;
  return { kind: 'call', name, args: [operand, ...items], type: scalarTypeOf(expr), span: spanOf(expr) };
}
