/**
 * `T | evaluate rows_near(condition, NumRows [, RowsAfter])` (rows-near-plugin.md) to a
 * `rows-near` node (`operators/plugins/rowsNear.ts`). The binder checks the types (a bool
 * condition, constant counts) and gives the input's schema.
 */
import type { RowsNearOperator, Tabular } from '../plan';
import type { KExpression } from './kustoTypes';
import type { KEvaluateOperator } from './kustoSeriesTypes';
import { lowerScalar } from './lowerScalar';
import { type LoweringContext, failUnsupported, schemaOf, separatedItems, spanOf } from './nodes';

/** Lowers `T | evaluate rows_near(...)`. */
export function lowerRowsNear(ctx: LoweringContext, pipe: KExpression, operator: KEvaluateOperator, input: Tabular): Tabular {
  const call = operator.FunctionCall;
  const args = separatedItems(call.ArgumentList.Expressions);
  if (args.length < 2 || args.length > 3) return failUnsupported('rows_near with these arguments', call);
  const rowScope = { ...ctx, rowColumns: input.schema };
  const node: RowsNearOperator = {
    op: 'rows-near',
    condition: lowerScalar(rowScope, args[0]),
    before: lowerScalar(ctx, args[1]),
    after: args.length === 3 ? lowerScalar(ctx, args[2]) : null,
  };
  return { kind: 'pipe', input, operator: node, schema: schemaOf(pipe), span: spanOf(operator) };
}
