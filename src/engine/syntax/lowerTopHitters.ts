/**
 * `top-hitters N of Value [by Sum]` (top-hitters-operator.md). The page defines the answer as an
 * approximation of `summarize C = count() by Value | top N by C desc` (or `sum(Sum)` with `by`);
 * Kusto estimates it with a Count-Min sketch. Here it is lowered to exactly that `summarize` and
 * `top`, so the counts are exact: whenever Kusto's estimate is right, the answer is the same, and
 * where Kusto's could be off, this one is the value the estimate approximates. Output names and
 * types are the binder's (`approximate_count_Value`, `approximate_sum_Sum`).
 */
import type { AggregateCall, Tabular } from '../plan';
import type { KExpression } from './kustoTypes';
import type { KTopHittersOperator } from './kustoOperators4Types';
import { lowerScalar } from './lowerScalar';
import { type LoweringContext, failInternal, schemaOf, spanOf } from './nodes';

/** `input | top-hitters ...` as `summarize` + `top` (see the module comment). */
export function lowerTopHitters(ctx: LoweringContext, pipe: KExpression, operator: KTopHittersOperator, input: Tabular): Tabular {
  const schema = schemaOf(pipe);
  if (schema.length !== 2) return failInternal('top-hitters: the binder gave other than two columns', operator);
  const [key, value] = schema;
  const span = spanOf(operator);
  const rowCtx = { ...ctx, rowColumns: input.schema };
  const summing = operator.ByClause === null ? null : lowerScalar(rowCtx, operator.ByClause.Expression);
  const aggregate: AggregateCall = summing === null
    ? { fn: 'count', args: [], name: value.name, type: value.type, span }
    : { fn: 'sum', args: [summing], name: value.name, type: value.type, span };
  const summarized: Tabular = {
    kind: 'pipe', input, schema, span,
    operator: { op: 'summarize', aggregates: [aggregate], by: [{ name: key.name, expr: lowerScalar(rowCtx, operator.OfExpression) }] },
  };
  const byValue = { expr: { kind: 'column', name: value.name, type: value.type, span } as const, descending: true, nullsFirst: false };
  return {
    kind: 'pipe', input: summarized, schema, span,
    operator: { op: 'top', count: lowerScalar(ctx, operator.Expression), by: [byValue] },
  };
}
