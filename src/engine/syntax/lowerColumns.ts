/**
 * Operators that compute named columns — `project`, `extend`, `summarize`, `distinct` — and
 * sort keys. Output names always come from the binder's result schema, so they are Kusto's
 * own (`Column1`, `count_`, `avg_DurationMs`, `bin(TimeGenerated, 1h)` -> `TimeGenerated`).
 */
import type { AggregateCall, NamedExpr, Operator, SortKey } from '../plan';
import type { ColumnSchema } from '../table/column';
import { SUPPORTED_AGGREGATES } from '../aggregates/registry';
import type {
  KDistinctOperator, KExpression, KExtendOperator, KProjectOperator, KSerializeOperator, KSummarizeOperator,
} from './kustoTypes';
import { lowerScalar } from './lowerScalar';
import {
  type LoweringContext, failInternal, failUnsupported, isFunctionSymbol, isNode, kindName,
  separatedItems, spanOf,
} from './nodes';
import { kustoLanguage } from './kustoLibrary';
import { lowerMultiColumnAggregate } from './lowerMultiAggregate';
import { hasTupleElement, tupleProjectColumns } from './lowerSeriesTuples';

/** `name = e` gives (name, e); a bare `e` gives (undefined, e). Compound `(a, b) = e` is unsupported. */
export function splitNamed(element: KExpression): { explicitName: string | undefined; expr: KExpression } {
  if (isNode(element, 'SimpleNamedExpression')) return { explicitName: element.Name.SimpleName, expr: element.Expression };
  if (kindName(element) === 'CompoundNamedExpression') return failUnsupported('(a, b) = ...', element);
  return { explicitName: undefined, expr: element };
}

/** `project a, b = e`: one output column per element, named by the binder (by position). */
export function lowerProject(ctx: LoweringContext, project: KProjectOperator, output: readonly ColumnSchema[]): Operator {
  const elements = separatedItems(project.Expressions);
  if (elements.length !== output.length) return failUnsupported('project producing several columns per expression', project);
  const columns: NamedExpr[] = elements.map((element, i) => {
    const { expr } = splitNamed(element);
    return { name: output[i].name, expr: lowerScalar(ctx, expr) };
  });
  return { op: 'project', columns };
}

/**
 * `extend a = e, f(x), ...`: elements apply in order; a name already present replaces that
 * column in place, a new name is appended. Unnamed expressions get binder names (`Column1`),
 * read from the appended slots of the output schema.
 */
export function lowerExtend(
  ctx: LoweringContext, extend: KExtendOperator | KSerializeOperator, input: readonly ColumnSchema[], output: readonly ColumnSchema[],
): Operator {
  const current = input.map((c) => c.name);
  const columns: NamedExpr[] = [];
  for (const element of separatedItems(extend.Expressions)) {
    const { explicitName, expr } = splitNamed(element);
    let name = explicitName ?? kustoLanguage().KustoFacts.GetExpressionResultName(expr, null) ?? undefined;
    if (name === undefined || !current.includes(name)) {
      const slot = output[current.length];
      if (slot === undefined || (name !== undefined && slot.name !== name)) return failInternal('extend columns do not match the binder', element);
      name = slot.name;
      current.push(name);
    }
    columns.push({ name, expr: lowerScalar(ctx, expr) });
  }
  if (current.length !== output.length || current.some((n, i) => output[i].name !== n)) {
    return failInternal('extend columns do not match the binder', extend);
  }
  return { op: 'extend', columns };
}

/** The aggregate call of a `summarize` element: `f(...)`, `name = f(...)` or `(a, b) = f(...)`. */
function aggregateCallOf(element: KExpression): KExpression {
  if (isNode(element, 'CompoundNamedExpression')) return element.Expression;
  const { expr } = splitNamed(element);
  return isNode(expr, 'ParenthesizedExpression') ? expr.Expression : expr;
}

/** How many output columns an aggregate element yields (a tuple result type gives several). */
function aggregateWidth(element: KExpression): number {
  const type = aggregateCallOf(element).ResultType;
  return type !== null && type.Columns !== undefined ? type.Columns.Count : 1;
}

/** Numeric storage types whose percentiles the engine computes (the value's own type is kept). */
const PERCENTILE_TYPES: ReadonlySet<string> = new Set(['int', 'long', 'real', 'decimal', 'datetime', 'timespan']);

/**
 * One `summarize` element to its aggregate calls, named and typed by the binder's `outputs`
 * (one column, or several for `percentiles(x, p1, p2, ...)`, which becomes one `percentile`
 * call per column).
 */
export function lowerAggregate(ctx: LoweringContext, element: KExpression, outputs: readonly ColumnSchema[], input: readonly ColumnSchema[]): AggregateCall[] {
  const call = aggregateCallOf(element);
  if (!isNode(call, 'FunctionCallExpression')) return failUnsupported('expressions over aggregates', call);
  const fn = call.Name.SimpleName;
  const symbol = call.ReferencedSymbol;
  if (symbol === null || !isFunctionSymbol(symbol) || !ctx.globals.IsAggregateFunction(symbol)) {
    return failUnsupported('expressions over aggregates', call);
  }
  if (!SUPPORTED_AGGREGATES.has(fn)) return failUnsupported(fn, call.Name);
  const multi = lowerMultiColumnAggregate(ctx, call, outputs, input);
  if (multi !== null) return multi;
  const argExprs = separatedItems(call.ArgumentList.Expressions);
  const args = argExprs.map((arg) => {
    if (isNode(arg, 'StarExpression')) return failUnsupported(`${fn}(*)`, arg);
    return lowerScalar(ctx, arg);
  });
  const span = spanOf(call);
  if (fn.startsWith('percentile')) {
    const valueType = args[0]?.type;
    if (valueType === undefined || !PERCENTILE_TYPES.has(valueType)) return failUnsupported(`${fn} of ${valueType ?? 'nothing'}`, call);
    if (fn === 'percentiles' && outputs.length === args.length - 1) {
      return outputs.map((output, i) => ({ fn: 'percentile', args: [args[0], args[i + 1]], name: output.name, type: output.type, span }));
    }
    if (fn === 'percentilesw' && outputs.length === args.length - 2) {
      return outputs.map((output, i) => ({ fn: 'percentilew', args: [args[0], args[1], args[i + 2]], name: output.name, type: output.type, span }));
    }
  }
  // `take_any(a, b)`, `arg_max(x, *)` and the like yield several columns: the plan's AggregateCall has one.
  if (outputs.length !== 1 || isNode(element, 'CompoundNamedExpression')) return failUnsupported(`${fn} with several columns`, call.Name);
  return [{ fn, args, name: outputs[0].name, type: outputs[0].type, span }];
}

/** `summarize aggs by keys`: the binder's output lists the keys first, then the aggregates' columns in order. */
export function lowerSummarize(ctx: LoweringContext, summarize: KSummarizeOperator, output: readonly ColumnSchema[], input: readonly ColumnSchema[] = []): Operator {
  const byClause = summarize.ByClause;
  if (byClause !== null && byClause.BinClause !== null) return failUnsupported('summarize ... by ... bin=', byClause.BinClause);
  const keys = byClause === null ? [] : separatedItems(byClause.Expressions);
  const aggregates = separatedItems(summarize.Aggregates);
  const widths = aggregates.map((element) => aggregateWidth(element));
  if (keys.length + widths.reduce((a, b) => a + b, 0) !== output.length) {
    return failInternal('summarize columns do not match the binder', summarize);
  }
  const by: NamedExpr[] = keys.map((key, i) => ({ name: output[i].name, expr: lowerScalar(ctx, splitNamed(key).expr) }));
  const calls: AggregateCall[] = [];
  let next = keys.length;
  aggregates.forEach((element, i) => {
    calls.push(...lowerAggregate(ctx, element, output.slice(next, next + widths[i]), input));
    next += widths[i];
  });
  return { op: 'summarize', aggregates: calls, by };
}

/** `distinct a, b` (named by the binder) or `distinct *` (every input column). */
export function lowerDistinct(
  ctx: LoweringContext, distinct: KDistinctOperator, input: readonly ColumnSchema[], output: readonly ColumnSchema[],
): Operator {
  const elements = separatedItems(distinct.Expressions);
  if (elements.length === 1 && isNode(elements[0], 'StarExpression')) {
    const span = spanOf(elements[0]);
    return { op: 'distinct', columns: input.map((c) => ({ name: c.name, expr: { kind: 'column', name: c.name, type: c.type, span } })) };
  }
  // A multi-column function (series_fit_line(x), ...) gives several keys; `lowerSeriesTuples` lowers them.
  if (hasTupleElement(elements)) return { op: 'distinct', columns: tupleProjectColumns(ctx, elements, output, distinct) };
  if (elements.length !== output.length) return failUnsupported('distinct producing several columns per expression', distinct);
  const columns = elements.map((element, i) => ({ name: output[i].name, expr: lowerScalar(ctx, splitNamed(element).expr) }));
  return { op: 'distinct', columns };
}

/**
 * A `sort`/`top` key: `e [asc|desc] [nulls first|last]`. Kusto's defaults: `desc`; nulls last
 * when descending and first when ascending (docs: sort-operator, top-operator).
 */
export function lowerSortKey(ctx: LoweringContext, element: KExpression): SortKey {
  const ordered = isNode(element, 'OrderedExpression') ? element : null;
  const expr = lowerScalar(ctx, ordered === null ? element : ordered.Expression);
  const ordering = ordered?.Ordering ?? null;
  const direction = ordering?.AscOrDescKeyword?.Text.toLowerCase() ?? '';
  const descending = direction !== 'asc';
  const nulls = ordering?.NullsClause?.FirstOrLastKeyword.Text.toLowerCase() ?? '';
  const nullsFirst = nulls === '' ? !descending : nulls === 'first';
  return { expr, descending, nullsFirst };
}
