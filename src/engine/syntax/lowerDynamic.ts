/**
 * Dynamic member and element access (`x.a`, `x.['a b']`, `x["a"]`, `x[0]`, `x[-1]`) lowered to a
 * call of the internal `DYNAMIC_ACCESS_FUNCTION` kernel, so the plan needs no new expression kind.
 * Only access on a `dynamic` value is lowered; anything else (`$left.x` outside a join, ...) is
 * left to the caller, which reports it as not supported.
 */
import type { Expr } from '../plan';
import { DYNAMIC_ACCESS_FUNCTION } from '../functions/dynamicAccess';
import type { KExpression } from './kustoTypes';
import { type LoweringContext, isNode, kindName, scalarTypeOf, scalarTypeOfSymbol, spanOf } from './nodes';

/** The shape shared by `PathExpression` (`a.b`) and `ElementExpression` (`a[b]`). */
interface KAccessExpression extends KExpression {
  readonly Expression: KExpression;
  readonly Selector: KExpression;
}

/** `[expr]` as the selector of an element expression. */
interface KBracketedExpression extends KExpression {
  readonly Expression: KExpression;
}

/**
 * Lowers `expr` when it is a member or element access on a dynamic value; null otherwise.
 * `lowerScalar` is passed in to avoid an import cycle with the scalar lowering.
 */
export function lowerDynamicAccess(
  ctx: LoweringContext,
  expr: KExpression,
  lowerScalar: (ctx: LoweringContext, expr: KExpression) => Expr,
): Expr | null {
  const kind = kindName(expr);
  if (kind !== 'PathExpression' && kind !== 'ElementExpression') return null;
  const access = expr as KAccessExpression;
  if (scalarTypeOfSymbol(access.Expression.ResultType) !== 'dynamic') return null;
  const container = lowerScalar(ctx, access.Expression);
  let key: Expr;
  const selector = access.Selector;
  if (kind === 'PathExpression') {
    // `x.a` and `x.['a b']`: the selector is a name reference whose simple name is the key;
    // `x.[e]` with a computed key (a parameter, an expression): a bracketed expression.
    if (kindName(selector) === 'BracketedExpression') key = lowerScalar(ctx, (selector as KBracketedExpression).Expression);
    else if (!isNode(selector, 'NameReference')) return null;
    else key = { kind: 'literal', type: 'string', value: selector.SimpleName, span: spanOf(selector) };
  } else {
    // Why: Kusto.Language gives the selector as a `BracketedExpression`; its inner expression is the key.
    const inner = (selector as KBracketedExpression).Expression;
    key = lowerScalar(ctx, inner);
  }
  return { kind: 'call', name: DYNAMIC_ACCESS_FUNCTION, args: [container, key], type: scalarTypeOf(expr), span: spanOf(expr) };
}
