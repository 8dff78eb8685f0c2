/**
 * `T | evaluate pivot(column [, aggregate] [, key ...]) [: (schema)]` (pivot-plugin.md): a
 * `summarize $pivot_value = aggregate by keys, column` (aggregate `count()` by default) under a
 * `pivot` node that turns the pivot values into columns (`operators/plugins/pivot.ts`). The keys
 * are the listed columns, or by default every input column but the pivot column and the
 * aggregated column (as the binder computes the known part of the schema: `sum(b)` leaves `b` out,
 * `sum(b + 1)` keeps it). Without an output schema the pivot columns come from the data, so, like
 * `bag_unpack`, it is lowered only as the last operator of a query statement.
 */
import type { AggregateCall, NamedExpr, PivotOperator, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { KExpression } from './kustoTypes';
import type { KEvaluateOperator } from './kustoSeriesTypes';
import { lowerAggregateCall } from './lowerMakeSeries';
import { isStatementResult } from './lowerPluginsBagUnpack';
import { type LoweringContext, failUnsupported, isNode, schemaOf, separatedItems, spanOf } from './nodes';

/** The hidden column of the aggregated cells (no KQL name can spell it). */
const VALUE_COLUMN = '$pivot_value';

function inputColumn(input: Tabular, arg: KExpression | undefined, fallback: KExpression): ColumnSchema {
  const column = arg !== undefined && isNode(arg, 'NameReference') ? input.schema.find((c) => c.name === arg.SimpleName) : undefined;
  return column ?? failUnsupported('pivot of an expression', arg ?? fallback);
}

/** The default keys: input columns other than the pivot column and a plainly aggregated column. */
function defaultKeys(input: Tabular, pivot: string, aggregateArg: KExpression | null): string[] {
  const aggregated = aggregateArg !== null && isNode(aggregateArg, 'FunctionCallExpression')
    ? separatedItems(aggregateArg.ArgumentList.Expressions)[0] : undefined;
  const skipped = aggregated !== undefined && isNode(aggregated, 'NameReference') ? aggregated.SimpleName : null;
  return input.schema.map((c) => c.name).filter((name) => name !== pivot && name !== skipped);
}

/** Lowers `T | evaluate pivot(...)` as the module comment describes. */
export function lowerPivot(ctx: LoweringContext, pipe: KExpression, operator: KEvaluateOperator, input: Tabular): Tabular {
  const call = operator.FunctionCall;
  const schemaFromData = operator.Schema === null;
  if (schemaFromData && !isStatementResult(pipe)) {
    return failUnsupported('pivot without an output schema ": (column:type, ...)" before other operators', call.Name);
  }
  const args = separatedItems(call.ArgumentList.Expressions);
  const pivot = inputColumn(input, args[0], call);
  const span = spanOf(operator);
  const aggregateArg = args[1] !== undefined && !isNode(args[1], 'NameReference') ? args[1] : null;
  const aggregate: AggregateCall = aggregateArg === null
    ? { fn: 'count', args: [], name: VALUE_COLUMN, type: 'long', span }
    : lowerAggregateCall(ctx, aggregateArg, VALUE_COLUMN);
  const listed = args.slice(aggregateArg === null ? 1 : 2).map((arg) => inputColumn(input, arg, call).name);
  const schema = schemaOf(pipe);
  const keys = listed.length > 0 ? listed : schemaFromData ? schema.map((c) => c.name) : defaultKeys(input, pivot.name, aggregateArg);
  const by: NamedExpr[] = [...keys, pivot.name].map((name) => {
    const type = input.schema.find((c) => c.name === name)?.type ?? failUnsupported(`pivot by '${name}'`, call);
    return { name, expr: { kind: 'column', name, type, span } };
  });
  const cellsSchema: ColumnSchema[] = [...by.map((b) => ({ name: b.name, type: b.expr.type })), { name: VALUE_COLUMN, type: aggregate.type }];
  const cells: Tabular = { kind: 'pipe', input, operator: { op: 'summarize', aggregates: [aggregate], by }, schema: cellsSchema, span };
  const node: PivotOperator = { op: 'pivot', pivotColumn: pivot.name, keys, value: VALUE_COLUMN, aggregate: aggregate.fn, schemaFromData };
  return { kind: 'pipe', input: cells, operator: node, schema, span };
}
