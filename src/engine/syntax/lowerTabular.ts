/**
 * Tabular expressions of the analyzed tree to the plan's left-deep `Tabular`: table
 * references, `union` sources and `input | operator` pipes. Query operators the plan does
 * not have are `E_UNSUPPORTED` at their keyword.
 */
import type { Operator, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { KExpression, KNamedParameter, KQueryOperator, KUnionOperator } from './kustoTypes';
import { lowerDistinct, lowerExtend, lowerProject, lowerSortKey, lowerSummarize } from './lowerColumns';
import { lowerRender } from './lowerRender';
import { lowerJoin } from './lowerJoin';
import { lowerScalar } from './lowerScalar';
import {
  type LoweringContext, failUnsupported, isNode, isTableSymbol, keywordOf, listItems, schemaOf, separatedItems, spanOf,
} from './nodes';

/**
 * Rejects operator parameters that change results. Accepted: `hint.*` (execution hints only)
 * and, for `union`, `kind=outer` (the default).
 */
function checkParameters(parameters: readonly KNamedParameter[], allowOuterKind: boolean): void {
  for (const parameter of parameters) {
    const name = parameter.Name.SimpleName;
    if (name.toLowerCase().startsWith('hint.')) continue;
    const value = parameter.Expression.GetFirstToken()?.Text ?? '';
    if (allowOuterKind && name === 'kind' && value === 'outer') continue;
    failUnsupported(value === '' ? name : `${name}=${value}`, parameter);
  }
}

function lowerUnionInputs(ctx: LoweringContext, union: KUnionOperator): Tabular[] {
  checkParameters(listItems(union.Parameters), true);
  return separatedItems(union.Expressions).map((input) => lowerTabular(ctx, input));
}

function lowerOperator(ctx: LoweringContext, operator: KQueryOperator, input: readonly ColumnSchema[], output: readonly ColumnSchema[]): Operator {
  if (isNode(operator, 'FilterOperator')) {
    checkParameters(listItems(operator.Parameters), false);
    return { op: 'where', predicate: lowerScalar(ctx, operator.Condition) };
  }
  if (isNode(operator, 'ProjectOperator')) return lowerProject(ctx, operator, output);
  if (isNode(operator, 'ExtendOperator')) return lowerExtend(ctx, operator, input, output);
  if (isNode(operator, 'SummarizeOperator')) {
    checkParameters(listItems(operator.Parameters), false);
    return lowerSummarize(ctx, operator, output);
  }
  if (isNode(operator, 'TopOperator')) {
    checkParameters(listItems(operator.Parameters), false);
    return { op: 'top', count: lowerScalar(ctx, operator.Expression), by: [lowerSortKey(ctx, operator.ByExpression)] };
  }
  if (isNode(operator, 'TakeOperator')) {
    checkParameters(listItems(operator.Parameters), false);
    return { op: 'take', count: lowerScalar(ctx, operator.Expression) };
  }
  if (isNode(operator, 'SortOperator')) {
    checkParameters(listItems(operator.Parameters), false);
    return { op: 'sort', by: separatedItems(operator.Expressions).map((e) => lowerSortKey(ctx, e)) };
  }
  if (isNode(operator, 'CountOperator')) {
    // `count as Name` only renames the column; the schema carries the name.
    return { op: 'count' };
  }
  if (isNode(operator, 'DistinctOperator')) {
    checkParameters(listItems(operator.Parameters), false);
    return lowerDistinct(ctx, operator, input, output);
  }
  if (isNode(operator, 'UnionOperator')) return { op: 'union', others: lowerUnionInputs(ctx, operator) };
  if (isNode(operator, 'RenderOperator')) return { op: 'render', spec: lowerRender(operator, ctx.text) };
  if (isNode(operator, 'JoinOperator')) return lowerJoin(ctx, operator, lowerTabular);
  const keyword = keywordOf(operator);
  return failUnsupported(keyword.Text, keyword);
}

/** Lowers a tabular expression (a table, `union ...`, or a pipe of operators). */
export function lowerTabular(ctx: LoweringContext, expr: KExpression): Tabular {
  if (isNode(expr, 'ParenthesizedExpression')) return lowerTabular(ctx, expr.Expression);
  if (isNode(expr, 'NameReference')) {
    const symbol = expr.ReferencedSymbol;
    if (symbol === null || !isTableSymbol(symbol)) return failUnsupported(expr.SimpleName, expr);
    return { kind: 'table', name: symbol.Name, schema: schemaOf(expr), span: spanOf(expr) };
  }
  if (isNode(expr, 'UnionOperator')) {
    return { kind: 'union', inputs: lowerUnionInputs(ctx, expr), schema: schemaOf(expr), span: spanOf(expr) };
  }
  if (isNode(expr, 'PipeExpression')) {
    const input = lowerTabular(ctx, expr.Expression);
    const schema = schemaOf(expr);
    const operator = lowerOperator(ctx, expr.Operator, input.schema, schema);
    return { kind: 'pipe', input, operator, schema, span: spanOf(expr.Operator) };
  }
  const keyword = keywordOf(expr);
  return failUnsupported(keyword.Text, keyword);
}
