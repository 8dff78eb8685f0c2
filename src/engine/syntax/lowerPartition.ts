/**
 * `partition [hint.*] by Column (subquery)` (partition-operator.md) to the plan's `partition`:
 * the subquery is lowered with its implicit input bound to a placeholder table of the input's
 * schema (as `mv-apply` does), which the executor fills with each partition's rows. The
 * `{ ... }` scope form (whose schema the binder leaves empty) and other parameters are
 * `E_UNSUPPORTED`.
 */
import type { Tabular } from '../plan';
import type { KExpression } from './kustoTypes';
import type { KPartitionOperator } from './kustoOperators2Types';
import { lowerScalar } from './lowerScalar';
import { withImplicitInput } from './lowerMvApply';
import { type LoweringContext, failUnsupported, kindName, listItems, schemaOf, spanOf } from './nodes';

let subtableCount = 0;

/** `T | partition by Column (subquery)`; `lowerSubquery` lowers the subquery. */
export function lowerPartition(
  ctx: LoweringContext, pipe: KExpression, operator: KPartitionOperator, input: Tabular,
  lowerSubquery: (ctx: LoweringContext, expr: KExpression) => Tabular,
): Tabular {
  for (const parameter of listItems(operator.Parameters)) {
    if (!parameter.Name.SimpleName.toLowerCase().startsWith('hint.')) failUnsupported(`partition ${parameter.Name.SimpleName}`, parameter);
  }
  const operand = operator.Operand;
  if (kindName(operand) !== 'PartitionSubquery' || operand.Subquery === undefined) return failUnsupported('partition with a { ... } scope', operand);
  const subqueryExpr = operand.Subquery;
  const span = spanOf(operator);
  const name = `$partition_subtable_${++subtableCount}$`;
  const subtable = { name, schema: input.schema };
  const subquery = withImplicitInput({ kind: 'table', name, schema: input.schema, span }, () => lowerSubquery(ctx, subqueryExpr));
  return {
    kind: 'pipe', input, schema: schemaOf(pipe), span,
    operator: { op: 'partition', by: lowerScalar(ctx, operator.ByExpression), subtable, subquery },
  };
}
