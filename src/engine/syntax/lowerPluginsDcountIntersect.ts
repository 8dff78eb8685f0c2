/**
 * `T | evaluate dcount_intersect(hll_1, hll_2, ...)` (dcount-intersect-plugin.md) to a
 * `dcount-intersect` node (`operators/plugins/dcountIntersect.ts`). The binder's schema is the
 * input's columns then `s0` .. `s<n-1>` (long), which name the counts.
 */
import type { DcountIntersectOperator, Tabular } from '../plan';
import type { KExpression } from './kustoTypes';
import type { KEvaluateOperator } from './kustoSeriesTypes';
import { lowerScalar } from './lowerScalar';
import { type LoweringContext, failUnsupported, schemaOf, separatedItems, spanOf } from './nodes';

/** Lowers `T | evaluate dcount_intersect(...)`. */
export function lowerDcountIntersect(ctx: LoweringContext, pipe: KExpression, operator: KEvaluateOperator, input: Tabular): Tabular {
  const args = separatedItems(operator.FunctionCall.ArgumentList.Expressions);
  const schema = schemaOf(pipe);
  const names = schema.slice(input.schema.length).map((c) => c.name);
  if (names.length !== args.length) return failUnsupported('dcount_intersect with this input', operator.FunctionCall);
  const rowScope = { ...ctx, rowColumns: input.schema };
  const node: DcountIntersectOperator = { op: 'dcount-intersect', sketches: args.map((arg) => lowerScalar(rowScope, arg)), names };
  return { kind: 'pipe', input, operator: node, schema, span: spanOf(operator) };
}
