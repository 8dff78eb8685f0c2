/**
 * `extend`/`project` elements that call a multi-column series function — `series_stats(x)`,
 * `series_fit_line(x)`, optionally named `(a, b, ...) = ...` — become one column per result
 * column, each reading its slot through the internal `$series_tuple` kernel. The binder names
 * the columns (`series_stats_x_min`, ...); they map to the function's columns by position.
 * Returns null when no element calls such a function (the ordinary lowering then applies).
 */
import type { Expr, NamedExpr, Operator } from '../plan';
import type { ColumnSchema } from '../table/column';
import { SERIES_TUPLE_COLUMNS, SERIES_TUPLE_FUNCTION } from '../functions/seriesTuples';
import type { KExpression, KExtendOperator, KFunctionCallExpression, KProjectOperator } from './kustoTypes';
import { kustoLanguage } from './kustoLibrary';
import { splitNamed } from './lowerColumns';
import { arraySortColumns, isArraySortTuple } from './lowerArraySortColumns';
import { lowerScalar } from './lowerScalar';
import { type LoweringContext, failInternal, failUnsupported, isNode, separatedItems, spanOf } from './nodes';

/** The multi-column series call of an element, or null. */
function tupleCall(element: KExpression): KFunctionCallExpression | null {
  let expr = isNode(element, 'CompoundNamedExpression') ? element.Expression : splitNamed(element).expr;
  while (isNode(expr, 'ParenthesizedExpression')) expr = expr.Expression;
  if (isArraySortTuple(expr)) return expr as KFunctionCallExpression;
  return isNode(expr, 'FunctionCallExpression') && SERIES_TUPLE_COLUMNS[expr.Name.SimpleName] !== undefined ? expr : null;
}

/** One column of a multi-column call, named and typed by the binder's `slot`. */
function component(ctx: LoweringContext, call: KFunctionCallExpression, column: string, slot: ColumnSchema): NamedExpr {
  const span = spanOf(call);
  const text = (value: string): Expr => ({ kind: 'literal', type: 'string', value, span });
  const args = separatedItems(call.ArgumentList.Expressions).map((a) => lowerScalar(ctx, a));
  return { name: slot.name, expr: { kind: 'call', name: SERIES_TUPLE_FUNCTION, type: slot.type, span, args: [text(call.Name.SimpleName), text(column), ...args] } };
}

/** The columns of a multi-column call placed at `output[at ...]`. */
function components(ctx: LoweringContext, call: KFunctionCallExpression, output: readonly ColumnSchema[], at: number): NamedExpr[] {
  if (isArraySortTuple(call)) return arraySortColumns(ctx, call, output, at, lowerScalar);
  const columns = SERIES_TUPLE_COLUMNS[call.Name.SimpleName];
  if (at + columns.length > output.length) return failInternal('series function columns do not match the binder', call);
  return columns.map((column, j) => component(ctx, call, column, output[at + j]));
}

/**
 * The columns of `project`-like elements (also `print`'s) where some elements call a
 * multi-column function: those give several columns, every other element one.
 */
export function tupleProjectColumns(
  ctx: LoweringContext, elements: readonly KExpression[], output: readonly ColumnSchema[], at: KExpression,
): NamedExpr[] {
  const columns: NamedExpr[] = [];
  for (const element of elements) {
    const call = tupleCall(element);
    if (call !== null) columns.push(...components(ctx, call, output, columns.length));
    else if (columns.length < output.length) columns.push({ name: output[columns.length].name, expr: lowerScalar(ctx, splitNamed(element).expr) });
  }
  if (columns.length !== output.length) return failInternal('project columns do not match the binder', at);
  return columns;
}

/** True when some element calls a multi-column function (a series tuple or a several-array sort). */
export function hasTupleElement(elements: readonly KExpression[]): boolean {
  return elements.some((e) => tupleCall(e) !== null);
}

/** True when an element of `extend`/`project` calls a multi-column series function. */
export function hasSeriesTuple(operator: KExtendOperator | KProjectOperator): boolean {
  return separatedItems(operator.Expressions).some((e) => tupleCall(e) !== null);
}

/** `extend`/`project` with multi-column series calls (see the module comment), or null. */
export function lowerSeriesTuples(
  ctx: LoweringContext, operator: KExtendOperator | KProjectOperator, isProject: boolean, input: readonly ColumnSchema[], output: readonly ColumnSchema[],
): Operator | null {
  const elements = separatedItems(operator.Expressions);
  if (!elements.some((e) => tupleCall(e) !== null)) return null;
  if (isProject) return { op: 'project', columns: tupleProjectColumns(ctx, elements, output, operator) };
  const current = input.map((c) => c.name);
  const columns: NamedExpr[] = [];
  for (const element of elements) {
    const call = tupleCall(element);
    if (call !== null) {
      const added = components(ctx, call, output, current.length);
      if (added.some((c) => input.some((i) => i.name === c.name))) return failUnsupported('a series function column replacing a column', element);
      current.push(...added.map((c) => c.name));
      columns.push(...added);
      continue;
    }
    const { explicitName, expr } = splitNamed(element);
    let name = explicitName ?? kustoLanguage().KustoFacts.GetExpressionResultName(expr, null) ?? undefined;
    if (name === undefined || !current.includes(name)) {
      const slot = output[current.length];
      if (slot === undefined) return failInternal('extend columns do not match the binder', element);
      name = slot.name;
      current.push(name);
    }
    columns.push({ name, expr: lowerScalar(ctx, expr) });
  }
  if (current.length !== output.length || current.some((n, i) => output[i].name !== n)) return failInternal('extend columns do not match the binder', operator);
  return { op: 'extend', columns };
}
