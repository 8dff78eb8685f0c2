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
import { checkWindowContext } from './windowContext';
import { lowerScalar } from './lowerScalar';
import { lowerMaterialize, lowerTabularName, lowerUserCall, shareTabular } from './lowerLet';
import { lowerDataTable, lowerGetSchema, lowerPrint, lowerRange } from './lowerSources';
import { lowerProjectColumns } from './lowerProjectColumns';
import { lowerMvExpand } from './lowerMvExpand';
import { lowerMorePipe, lowerMoreSource } from './lowerMoreOperators';
import { lowerOperators2Pipe } from './lowerOperators2';
import { lowerUnionLegs, lowerUnionSource } from './lowerUnion';
import { lowerAggregateExpressions } from './lowerAggregateExpressions';
import { lowerPatternInvocation } from './lowerPattern';
import { lowerOperators4Pipe, lowerOperators4Source } from './lowerOperators4';
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
  // Parameters (`kind`, `withsource`, `isfuzzy`, hints) are read in lowerUnion.ts.
  return lowerUnionLegs(ctx, union, lowerTabular);
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
    return lowerSummarize(ctx, operator, output, input);
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
  if (isNode(operator, 'ProjectAwayOperator') || isNode(operator, 'ProjectKeepOperator') || isNode(operator, 'ProjectReorderOperator')) {
    return lowerProjectColumns(operator, input, output, false);
  }
  if (isNode(operator, 'ProjectRenameOperator')) return lowerProjectColumns(operator, input, output, true);
  if (isNode(operator, 'MvExpandOperator')) return lowerMvExpand(ctx, operator, output);
  if (isNode(operator, 'SerializeOperator')) {
    checkParameters(listItems(operator.Parameters), false);
    return lowerExtend(ctx, operator, input, output);
  }
  const keyword = keywordOf(operator);
  return failUnsupported(keyword.Text, keyword);
}

/** Lowers a tabular expression (a table, `union ...`, or a pipe of operators). */
export function lowerTabular(ctx: LoweringContext, expr: KExpression): Tabular {
  if (isNode(expr, 'ParenthesizedExpression')) return lowerTabular(ctx, expr.Expression);
  if (isNode(expr, 'NameReference')) {
    const symbol = expr.ReferencedSymbol;
    const bound = symbol === null || isTableSymbol(symbol) ? null : lowerTabularName(ctx, expr);
    if (bound !== null) return bound;
    if (symbol === null || !isTableSymbol(symbol)) return failUnsupported(expr.SimpleName, expr);
    return { kind: 'table', name: symbol.Name, schema: schemaOf(expr), span: spanOf(expr) };
  }
  if (isNode(expr, 'UnionOperator')) {
    return lowerUnionSource(ctx, expr, lowerTabular);
  }
  const pattern = lowerPatternInvocation(ctx, expr);
  if (pattern !== null) return pattern;
  if (isNode(expr, 'FunctionCallExpression')) {
    const value = lowerUserCall(ctx, expr, true);
    if (value !== null && 'schema' in value) return value;
    return failUnsupported(expr.Name.SimpleName, expr.Name);
  }
  if (isNode(expr, 'PrintOperator')) return lowerPrint(ctx, expr);
  if (isNode(expr, 'RangeOperator')) return lowerRange(ctx, expr);
  if (isNode(expr, 'DataTableExpression')) return lowerDataTable(ctx, expr);
  if (isNode(expr, 'MaterializeExpression')) return lowerMaterialize(ctx, expr);
  if (isNode(expr, 'PipeExpression')) {
    checkWindowContext(expr);
    const input = lowerTabular(ctx, expr.Expression);
    const operators4 = lowerOperators4Pipe(ctx, expr, expr.Operator, input);
    if (operators4 !== null) return operators4;
    const schema = schemaOf(expr);
    const asOperator = expr.Operator;
    if (isNode(asOperator, 'AsOperator')) {
      // `T | as Name`: T itself, bound to Name for later references (evaluated once).
      const shared = shareTabular(asOperator.Name.SimpleName, input);
      const symbol = asOperator.Name.ReferencedSymbol;
      if (symbol !== null) ctx.lets.symbols.set(symbol, { kind: 'tabular', tabular: shared });
      return shared;
    }
    if (isNode(expr.Operator, 'GetSchemaOperator')) return lowerGetSchema(expr.Operator, input.schema);
    if (isNode(expr.Operator, 'InvokeOperator')) {
      // `T | invoke f(args)`: f's expansion with T as its first (tabular) parameter.
      const invoked = lowerUserCall(ctx, expr.Operator.Function, true, input);
      if (invoked !== null && 'schema' in invoked) return invoked;
      const keyword = keywordOf(expr.Operator);
      return failUnsupported(keyword.Text, keyword);
    }
    if (isNode(expr.Operator, 'SerializeOperator') && separatedItems(expr.Operator.Expressions).length === 0) {
      checkParameters(listItems(expr.Operator.Parameters), false);
      return input;
    }
    const more = lowerOperators2Pipe(ctx, expr, expr.Operator, input, lowerTabular) ?? lowerMorePipe(ctx, expr, expr.Operator, input);
    if (more !== null) return more;
    const overAggregates = lowerAggregateExpressions(ctx, expr.Operator, input, schema);
    if (overAggregates !== null) return overAggregates;
    const operator = lowerOperator({ ...ctx, rowColumns: input.schema }, expr.Operator, input.schema, schema);
    return { kind: 'pipe', input, operator, schema, span: spanOf(expr.Operator) };
  }
  const find = lowerOperators4Source(ctx, expr);
  if (find !== null) return find;
  const moreSource = lowerMoreSource(ctx, expr);
  if (moreSource !== null) return moreSource;
  const keyword = keywordOf(expr);
  return failUnsupported(keyword.Text, keyword);
}

/**
 * `operator` applied to `input` where the query writes no input: the leading operator of an
 * `mv-apply` subquery, whose input is implicit (see `lowerMvApply.ts`).
 */
export function lowerOperatorOnto(ctx: LoweringContext, operator: KQueryOperator, input: Tabular): Tabular {
  const operators4 = lowerOperators4Pipe(ctx, operator, operator, input);
  if (operators4 !== null) return operators4;
  const more = lowerOperators2Pipe(ctx, operator, operator, input, lowerTabular) ?? lowerMorePipe(ctx, operator, operator, input);
  if (more !== null) return more;
  const schema = schemaOf(operator);
  const overAggregates = lowerAggregateExpressions(ctx, operator, input, schema);
  if (overAggregates !== null) return overAggregates;
  return { kind: 'pipe', input, operator: lowerOperator({ ...ctx, rowColumns: input.schema }, operator, input.schema, schema), schema, span: spanOf(operator) };
}
