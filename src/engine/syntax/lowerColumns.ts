/**
 * Operators that compute named columns — `project`, `extend`, `summarize`, `distinct` — and
 * sort keys. Output names always come from the binder's result schema, so they are Kusto's
 * own (`Column1`, `count_`, `avg_DurationMs`, `bin(TimeGenerated, 1h)` -> `TimeGenerated`).
 */
import type { AggregateCall, NamedExpr, Operator, SortKey } from '../plan';
import type { ColumnSchema } from '../table/column';
import { SUPPORTED_AGGREGATES } from '../aggregates/registry';
import type {
  KDistinctOperator, KExpression, KExtendOperator, KProjectOperator, KSummarizeOperator,
} from './kustoTypes';
import { lowerScalar } from './lowerScalar';
import {
  type LoweringContext, failInternal, failUnsupported, isFunctionSymbol, isNode, kindName, scalarTypeOfSymbol,
  separatedItems, spanOf,
} from './nodes';
import { kustoLanguage } from './kustoLibrary';

/** `name = e` gives (name, e); a bare `e` gives (undefined, e). Compound `(a, b) = e` is unsupported. */
function splitNamed(element: KExpression): { explicitName: string | undefined; expr: KExpression } {
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
  ctx: LoweringContext, extend: KExtendOperator, input: readonly ColumnSchema[], output: readonly ColumnSchema[],
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

function lowerAggregate(ctx: LoweringContext, element: KExpression, output: ColumnSchema): AggregateCall {
  const { expr } = splitNamed(element);
  const call = isNode(expr, 'ParenthesizedExpression') ? expr.Expression : expr;
  if (!isNode(call, 'FunctionCallExpression')) return failUnsupported('expressions over aggregates', call);
  const fn = call.Name.SimpleName;
  const symbol = call.ReferencedSymbol;
  if (symbol === null || !isFunctionSymbol(symbol) || !ctx.globals.IsAggregateFunction(symbol)) {
    return failUnsupported('expressions over aggregates', call);
  }
  if (!SUPPORTED_AGGREGATES.has(fn)) return failUnsupported(fn, call.Name);
  // `take_any(a, b)` and the like yield several columns: the plan's AggregateCall has one.
  if (scalarTypeOfSymbol(call.ResultType) === undefined) return failUnsupported(`${fn} with several columns`, call.Name);
  const args = separatedItems(call.ArgumentList.Expressions).map((arg) => {
    if (isNode(arg, 'StarExpression')) return failUnsupported(`${fn}(*)`, arg);
    return lowerScalar(ctx, arg);
  });
  return { fn, args, name: output.name, type: output.type, span: spanOf(call) };
}

/** `summarize aggs by keys`: the binder's output lists the keys first, then the aggregates. */
export function lowerSummarize(ctx: LoweringContext, summarize: KSummarizeOperator, output: readonly ColumnSchema[]): Operator {
  const byClause = summarize.ByClause;
  if (byClause !== null && byClause.BinClause !== null) return failUnsupported('summarize ... by ... bin=', byClause.BinClause);
  const keys = byClause === null ? [] : separatedItems(byClause.Expressions);
  const aggregates = separatedItems(summarize.Aggregates);
  if (keys.length + aggregates.length !== output.length) {
    // An aggregate with several output columns (percentiles, arg_max(x, *), take_any(a, b), ...).
    for (const element of aggregates) {
      const call = splitNamed(element).expr;
      if (isNode(call, 'FunctionCallExpression') && scalarTypeOfSymbol(call.ResultType) === undefined) {
        const fn = call.Name.SimpleName;
        return failUnsupported(SUPPORTED_AGGREGATES.has(fn) ? `${fn} with several columns` : fn, call.Name);
      }
    }
    return failUnsupported('summarize with multi-column aggregates', summarize);
  }
  const by: NamedExpr[] = keys.map((key, i) => ({ name: output[i].name, expr: lowerScalar(ctx, splitNamed(key).expr) }));
  const calls = aggregates.map((element, i) => lowerAggregate(ctx, element, output[keys.length + i]));
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
