/**
 * `array_sort_asc(a1, a2, ...)` / `array_sort_desc(...)` with several arrays yield one column per
 * array (array-sort-asc-function.md); the binder names them (`array1_sorted`, ...). Each column is
 * one call of the internal `$array_sort_column` kernel (`functions/arraySortColumns.ts`) picking
 * its array by position. Used by `print`/`project`/`extend` (through `lowerSeriesTuples.ts`) and
 * by an element access on the call (`array_sort_asc(t, c)[1]`).
 */
import type { Expr, NamedExpr } from '../plan';
import type { ColumnSchema } from '../table/column';
import { ARRAY_SORT_COLUMN_FUNCTION, ARRAY_SORT_FUNCTIONS } from '../functions/arraySortColumns';
import type { KExpression, KFunctionCallExpression } from './kustoTypes';
import { type LoweringContext, failInternal, isNode, kindName, separatedItems, spanOf } from './nodes';

/** True when `expr` is a several-array sort call (its result is a tuple of columns). */
export function isArraySortTuple(expr: KExpression): boolean {
  if (!isNode(expr, 'FunctionCallExpression') || !ARRAY_SORT_FUNCTIONS.has(expr.Name.SimpleName)) return false;
  const type = expr.ResultType;
  return type !== null && type.Columns !== undefined;
}

/** The column `k` of a several-array sort call, of type dynamic. */
function arraySortColumn(
  ctx: LoweringContext, call: KFunctionCallExpression, k: number, lowerScalar: (ctx: LoweringContext, e: KExpression) => Expr,
): Expr {
  const span = spanOf(call);
  const args = separatedItems(call.ArgumentList.Expressions).map((a) => lowerScalar(ctx, a));
  return {
    kind: 'call', name: ARRAY_SORT_COLUMN_FUNCTION, type: 'dynamic', span,
    args: [{ kind: 'literal', type: 'string', value: call.Name.SimpleName, span }, { kind: 'literal', type: 'long', value: k, span }, ...args],
  };
}

/** The columns of a several-array sort call placed at `output[at ...]`, named by the binder. */
export function arraySortColumns(
  ctx: LoweringContext, call: KFunctionCallExpression, output: readonly ColumnSchema[], at: number,
  lowerScalar: (ctx: LoweringContext, e: KExpression) => Expr,
): NamedExpr[] {
  const count = call.ResultType?.Columns?.Count ?? 0;
  if (count === 0 || at + count > output.length) return failInternal('array sort columns do not match the binder', call);
  return Array.from({ length: count }, (_, k) => ({ name: output[at + k].name, expr: arraySortColumn(ctx, call, k, lowerScalar) }));
}

/** The shape of an `ElementExpression` (`a[b]`). */
interface KElementExpression extends KExpression {
  readonly Expression: KExpression;
  readonly Selector: KExpression & { readonly Expression?: KExpression };
}

/**
 * `array_sort_asc(a, b)[k]` with a constant `k`: column `k` of the call (Kusto indexes the
 * tuple's columns); null when `expr` is not that form.
 */
export function lowerArraySortElement(
  ctx: LoweringContext, expr: KExpression, lowerScalar: (ctx: LoweringContext, e: KExpression) => Expr,
): Expr | null {
  if (kindName(expr) !== 'ElementExpression') return null;
  const access = expr as KElementExpression;
  let target = access.Expression;
  while (isNode(target, 'ParenthesizedExpression')) target = target.Expression;
  if (!isArraySortTuple(target)) return null;
  const call = target as KFunctionCallExpression;
  const index = access.Selector.Expression;
  const text = index?.IsLiteral === true ? index.LiteralValueInfo?.ValueText : undefined;
  const value = text === undefined || text === null ? Number.NaN : Number(text);
  const count = call.ResultType?.Columns?.Count ?? 0;
  if (!Number.isInteger(value) || value < 0 || value >= count) return null;
  return arraySortColumn(ctx, call, value, lowerScalar);
}
