/**
 * `make-series` and `top-nested` to the plan. Output names come from the binder's schema:
 * make-series lists the `by` keys, then one column per aggregate, then the axis; top-nested
 * lists, per level, the key and then the aggregate (`aggregated_<key>` unless named).
 */
import type { AggregateCall, Expr, MakeSeriesOperator, NamedExpr, TopNestedLevel, TopNestedOperator } from '../plan';
import type { ColumnSchema } from '../table/column';
import { SUPPORTED_AGGREGATES } from '../aggregates/registry';
import type { KExpression, KNamedParameter } from './kustoTypes';
import type { KMakeSeriesOperator, KTopNestedOperator } from './kustoSeriesTypes';
import { isSeriesNode } from './kustoSeriesTypes';
import { lowerScalar } from './lowerScalar';
import { splitNamed } from './lowerColumns';
import {
  type LoweringContext, failInternal, failUnsupported, isFunctionSymbol, isNode, listItems, scalarTypeOf, separatedItems, spanOf,
} from './nodes';

/** Numeric-storage types a series axis may have. */
const AXIS_TYPES: ReadonlySet<string> = new Set(['int', 'long', 'real', 'decimal', 'datetime', 'timespan']);

/**
 * One aggregation call (`f(...)` or `name = f(...)`, possibly parenthesized) named `name`, typed
 * with the aggregate's own scalar type. Expressions over aggregates and multi-column aggregates
 * are `E_UNSUPPORTED`.
 */
export function lowerAggregateCall(ctx: LoweringContext, element: KExpression, name: string): AggregateCall {
  let call = splitNamed(element).expr;
  while (isNode(call, 'ParenthesizedExpression')) call = call.Expression;
  if (!isNode(call, 'FunctionCallExpression')) return failUnsupported('expressions over aggregates', call);
  const fn = call.Name.SimpleName;
  const symbol = call.ReferencedSymbol;
  if (symbol === null || !isFunctionSymbol(symbol) || !ctx.globals.IsAggregateFunction(symbol)) {
    return failUnsupported('expressions over aggregates', call);
  }
  if (!SUPPORTED_AGGREGATES.has(fn) || fn === 'percentiles' || fn === 'arg_max' || fn === 'arg_min') return failUnsupported(fn, call.Name);
  const args = separatedItems(call.ArgumentList.Expressions).map((arg) => {
    if (isNode(arg, 'StarExpression')) return failUnsupported(`${fn}(*)`, arg);
    return lowerScalar(ctx, arg);
  });
  return { fn, args, name, type: scalarTypeOf(call), span: spanOf(call) };
}

/** True for a literal or a signed literal (`-1`). */
function isConstant(expr: Expr): boolean {
  return expr.kind === 'literal' || (expr.kind === 'unary' && expr.operand.kind === 'literal');
}

/**
 * A make-series value: an aggregation, or a constant (`other=-1 default=-2`, as in
 * make-series-operator.md), which is the constant in every bin that has rows — `take_any` of it.
 */
function lowerSeriesValue(ctx: LoweringContext, element: KExpression, name: string): AggregateCall {
  let value = splitNamed(element).expr;
  while (isNode(value, 'ParenthesizedExpression')) value = value.Expression;
  if (!isNode(value, 'FunctionCallExpression')) {
    const constant = lowerScalar(ctx, value);
    if (isConstant(constant)) return { fn: 'take_any', args: [constant], name, type: constant.type, span: constant.span };
  }
  return lowerAggregateCall(ctx, element, name);
}

/** Reads `kind=nonempty` and ignores `hint.*`; anything else is `E_UNSUPPORTED`. */
function nonEmptyKind(parameters: readonly KNamedParameter[]): boolean {
  let nonEmpty = false;
  for (const parameter of parameters) {
    const name = parameter.Name.SimpleName.toLowerCase();
    if (name.startsWith('hint.')) continue;
    const value = parameter.Expression.GetFirstToken()?.Text.toLowerCase() ?? '';
    if (name === 'kind' && value === 'nonempty') nonEmpty = true;
    else failUnsupported(`${name}=${value}`, parameter);
  }
  return nonEmpty;
}

/** The axis range: `from`/`to`/`step` or `in range(start, stop, step)`. */
function lowerRange(ctx: LoweringContext, operator: KMakeSeriesOperator): Pick<MakeSeriesOperator['axis'], 'form' | 'from' | 'to' | 'step'> {
  const range = operator.RangeClause;
  const optional = (e: KExpression | undefined | null): Expr | null => (e === undefined || e === null ? null : lowerScalar(ctx, e));
  if (range !== null && isSeriesNode(range, 'MakeSeriesInRangeClause')) {
    const [from, to, step] = separatedItems(range.Arguments.Expressions);
    if (from === undefined || to === undefined || step === undefined) return failInternal('make-series range() without three arguments', range);
    return { form: 'inRange', from: lowerScalar(ctx, from), to: lowerScalar(ctx, to), step: lowerScalar(ctx, step) };
  }
  if (range !== null && isSeriesNode(range, 'MakeSeriesFromToStepClause')) {
    const step = range.MakeSeriesStepClause?.Expression;
    if (step === undefined || step === null) return failUnsupported('make-series without step', range);
    return {
      form: 'fromTo', from: optional(range.MakeSeriesFromClause?.Expression), to: optional(range.MakeSeriesToClause?.Expression),
      step: lowerScalar(ctx, step),
    };
  }
  return failUnsupported('make-series without step', operator);
}

/** `make-series`. */
export function lowerMakeSeries(ctx: LoweringContext, operator: KMakeSeriesOperator, output: readonly ColumnSchema[]): MakeSeriesOperator {
  const nonEmpty = nonEmptyKind(listItems(operator.Parameters));
  const keys = operator.ByClause === null ? [] : separatedItems(operator.ByClause.Expressions);
  const aggregates = separatedItems(operator.Aggregates);
  if (keys.length + aggregates.length + 1 !== output.length) return failInternal('make-series columns do not match the binder', operator);
  if (nonEmpty && keys.length > 0) return failUnsupported('make-series kind=nonempty with by', operator);
  const by: NamedExpr[] = keys.map((key, i) => ({ name: output[i].name, expr: lowerScalar(ctx, splitNamed(key).expr) }));
  const lowered = aggregates.map((element, i) => ({
    call: lowerSeriesValue(ctx, element.Expression, output[keys.length + i].name),
    defaultValue: element.DefaultExpression === null ? null : lowerScalar(ctx, element.DefaultExpression.Expression),
  }));
  const axisExpr = lowerScalar(ctx, operator.OnClause.Expression);
  if (!AXIS_TYPES.has(axisExpr.type)) return failUnsupported(`make-series on ${axisExpr.type}`, operator.OnClause);
  const axis = { expr: axisExpr, name: output[output.length - 1].name, ...lowerRange(ctx, operator) };
  return { op: 'make-series', aggregates: lowered, axis, by, nonEmpty };
}

/** `top-nested` clauses, in order. `with others` only on the last clause (see `operators/topNested.ts`). */
export function lowerTopNested(ctx: LoweringContext, operator: KTopNestedOperator, output: readonly ColumnSchema[]): TopNestedOperator {
  const clauses = separatedItems(operator.Clauses);
  if (clauses.length * 2 !== output.length) return failInternal('top-nested columns do not match the binder', operator);
  const levels: TopNestedLevel[] = clauses.map((clause, i) => {
    if (clause.WithOthersClause !== null && i !== clauses.length - 1) {
      return failUnsupported('top-nested with others before the last level', clause.WithOthersClause);
    }
    let by = clause.ByExpression;
    let descending = true;
    if (isNode(by, 'OrderedExpression')) {
      if (by.Ordering?.NullsClause !== null && by.Ordering?.NullsClause !== undefined) return failUnsupported('top-nested nulls first/last', by.Ordering.NullsClause);
      descending = (by.Ordering?.AscOrDescKeyword?.Text.toLowerCase() ?? 'desc') !== 'asc';
      by = by.Expression;
    }
    return {
      count: clause.Expression === null ? null : lowerScalar(ctx, clause.Expression),
      key: { name: output[2 * i].name, expr: lowerScalar(ctx, splitNamed(clause.OfExpression).expr) },
      others: clause.WithOthersClause === null ? null : lowerScalar(ctx, clause.WithOthersClause.Expression),
      aggregate: lowerAggregateCall(ctx, by, output[2 * i + 1].name),
      descending,
    };
  });
  return { op: 'top-nested', levels };
}
