/**
 * `summarize` elements that are expressions over aggregates: `pct = 100.0 * countif(x) / count()`,
 * `d = max(t) - min(t)`, `tostring(make_set(x))`, `round(avg(x), 2)`. Kusto computes each
 * aggregate once per group and then evaluates the scalar expression over the aggregated values
 * (summarize-operator.md). The plan says exactly that:
 *
 *   input | summarize <plain aggregates and hidden `$agg_<i>` columns> by <keys>
 *         | project <keys>, <plain aggregate columns>, <expressions over the hidden columns>
 *
 * Output names and types are the binder's. Identical aggregate calls (same function, same
 * arguments) share one hidden column. A summarize whose elements are all plain aggregate calls
 * is left to `lowerSummarize` (one `summarize` node), so this returns null for it.
 */
import type { AggregateCall, Expr, NamedExpr, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { KExpression, KQueryOperator } from './kustoTypes';
import { lowerAggregate, splitNamed } from './lowerColumns';
import { lowerScalar } from './lowerScalar';
import {
  type LoweringContext, failInternal, failUnsupported, isFunctionSymbol, isNode, scalarTypeOf, separatedItems, spanOf,
} from './nodes';

/** The hidden column names of the aggregates inside expressions (no KQL name can start with `$`). */
const HIDDEN_PREFIX = '$agg_';

/** The element's expression without its name and parentheses. */
function elementExpression(element: KExpression): KExpression {
  const expr = isNode(element, 'CompoundNamedExpression') ? element.Expression : splitNamed(element).expr;
  return isNode(expr, 'ParenthesizedExpression') ? elementExpression(expr.Expression) : expr;
}

/** True when the element is one aggregate call (`count()`, `n = dcount(x)`), as `lowerSummarize` handles. */
function isPlainAggregate(ctx: LoweringContext, element: KExpression): boolean {
  const expr = elementExpression(element);
  if (!isNode(expr, 'FunctionCallExpression')) return false;
  const symbol = expr.ReferencedSymbol;
  return symbol !== null && isFunctionSymbol(symbol) && ctx.globals.IsAggregateFunction(symbol);
}

/** How many columns the element yields (a tuple-typed aggregate such as `percentiles(x, 5, 50)` gives several). */
function elementWidth(element: KExpression): number {
  const type = elementExpression(element).ResultType;
  return type !== null && type.Columns !== undefined ? type.Columns.Count : 1;
}

/** A stable identity of an aggregate call for sharing: the function and its lowered arguments, without spans. */
function aggregateIdentity(call: AggregateCall): string {
  return JSON.stringify({ fn: call.fn, args: call.args }, (key, value: unknown) => (key === 'span' ? undefined : typeof value === 'bigint' ? `${value}n` : value));
}

/** Every column name an expression reads (walks the plan's expression objects generically). */
function referencedColumns(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedColumns(item, into);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (record.kind === 'column' && typeof record.name === 'string') into.add(record.name);
    for (const [key, item] of Object.entries(record)) {
      if (key !== 'span') referencedColumns(item, into);
    }
  }
  return into;
}

/**
 * `summarize` with at least one element that is an expression over aggregates, lowered to a
 * `summarize` of hidden aggregate columns and a `project` to the binder's `output`; null for any
 * other operator (or a summarize of plain aggregate calls only).
 */
export function lowerAggregateExpressions(
  outer: LoweringContext, operator: KQueryOperator, input: Tabular, output: readonly ColumnSchema[],
): Tabular | null {
  if (!isNode(operator, 'SummarizeOperator')) return null;
  // Keys and aggregate arguments read the input rows; the expressions over aggregates do not.
  const ctx: LoweringContext = { ...outer, rowColumns: input.schema };
  const elements = separatedItems(operator.Aggregates);
  if (elements.every((element) => isPlainAggregate(ctx, element))) return null;
  const byClause = operator.ByClause;
  if (byClause !== null && byClause.BinClause !== null) return failUnsupported('summarize ... by ... bin=', byClause.BinClause);
  const keys = byClause === null ? [] : separatedItems(byClause.Expressions);
  const widths = elements.map(elementWidth);
  if (keys.length + widths.reduce((a, b) => a + b, 0) !== output.length) {
    return failInternal('summarize columns do not match the binder', operator);
  }
  const span = spanOf(operator);
  const by: NamedExpr[] = keys.map((key, i) => ({ name: output[i].name, expr: lowerScalar(ctx, splitNamed(key).expr) }));
  const aggregates: AggregateCall[] = [];
  const hiddenByIdentity = new Map<string, AggregateCall>();
  const finalColumns: NamedExpr[] = output.slice(0, keys.length).map((c) => ({ name: c.name, expr: { kind: 'column', name: c.name, type: c.type, span } }));
  // The aggregate calls inside an expression become hidden columns; their arguments lower
  // with the plain context, so an aggregate nested in an aggregate stays unsupported.
  const aggregateReference = (call: KExpression): Expr => {
    const hiddenName = `${HIDDEN_PREFIX}${hiddenByIdentity.size}`;
    const lowered = lowerAggregate(ctx, call, [{ name: hiddenName, type: scalarTypeOf(call) }], input.schema);
    if (lowered.length !== 1) return failUnsupported('aggregates with several columns inside an expression', call);
    const identity = aggregateIdentity(lowered[0]);
    let hidden = hiddenByIdentity.get(identity);
    if (hidden === undefined) {
      hidden = lowered[0];
      hiddenByIdentity.set(identity, hidden);
      aggregates.push(hidden);
    }
    return { kind: 'column', name: hidden.name, type: hidden.type, span: spanOf(call) };
  };
  const overAggregates: LoweringContext = { ...outer, aggregateReference };
  const keyNames = new Set(output.slice(0, keys.length).map((c) => c.name));
  let next = keys.length;
  elements.forEach((element, i) => {
    const outputs = output.slice(next, next + widths[i]);
    next += widths[i];
    if (isPlainAggregate(ctx, element)) {
      const calls = lowerAggregate(ctx, element, outputs, input.schema);
      aggregates.push(...calls);
      for (const c of outputs) finalColumns.push({ name: c.name, expr: { kind: 'column', name: c.name, type: c.type, span } });
      return;
    }
    if (outputs.length !== 1 || isNode(element, 'CompoundNamedExpression')) {
      return failUnsupported('expressions over aggregates producing several columns', element);
    }
    const expr = lowerScalar(overAggregates, elementExpression(element));
    // After grouping only the keys and the aggregated values exist (Kusto's binder rejects
    // other column references; this guards the plan anyway).
    for (const name of referencedColumns(expr, new Set())) {
      if (!name.startsWith(HIDDEN_PREFIX) && !keyNames.has(name)) {
        return failUnsupported(`column ${name} outside an aggregate in summarize`, element);
      }
    }
    finalColumns.push({ name: outputs[0].name, expr });
  });
  const grouped: ColumnSchema[] = [...output.slice(0, keys.length), ...aggregates.map((a) => ({ name: a.name, type: a.type }))];
  const summarized: Tabular = { kind: 'pipe', input, operator: { op: 'summarize', aggregates, by }, schema: grouped, span };
  return { kind: 'pipe', input: summarized, operator: { op: 'project', columns: finalColumns }, schema: output, span };
}
