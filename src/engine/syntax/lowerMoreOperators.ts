/**
 * The entry points `lowerTabular.ts` calls for the operators of this family: `make-series`,
 * `top-nested`, `search` (piped or as a source), `evaluate bag_unpack(...)`, `parse-kv`, `mv-apply`, and `extend`/`project` of
 * multi-column series functions (`lowerSeriesTuples.ts`). Each returns
 * null when the node is not one of them, so `lowerTabular` goes on with its own cases.
 */
import type { Tabular } from '../plan';
import type { KExpression, KQueryOperator } from './kustoTypes';
import { isSeriesNode } from './kustoSeriesTypes';
import { lowerMakeSeries, lowerTopNested } from './lowerMakeSeries';
import { lowerSearchPipe, lowerSearchSource } from './lowerSearch';
import { lowerEvaluate } from './lowerEvaluate';
import { lowerParseKv } from './lowerParseKv';
import { currentImplicitInput, lowerMvApply } from './lowerMvApply';
import { lowerOperatorOnto } from './lowerTabular';
import { hasSeriesTuple, lowerSeriesTuples } from './lowerSeriesTuples';
import { type LoweringContext, isNode, schemaOf, spanOf } from './nodes';

/** `input | operator` for this family's operators, or null for any other operator. */
export function lowerMorePipe(ctx: LoweringContext, pipe: KExpression, operator: KQueryOperator, input: Tabular): Tabular | null {
  const isProject = isNode(operator, 'ProjectOperator');
  if ((isProject || isNode(operator, 'ExtendOperator')) && hasSeriesTuple(operator)) {
    const schema = schemaOf(pipe);
    const tuples = lowerSeriesTuples(ctx, operator, isProject, input.schema, schema);
    return tuples === null ? null : { kind: 'pipe', input, operator: tuples, schema, span: spanOf(operator) };
  }
  if (isSeriesNode(operator, 'MakeSeriesOperator')) {
    const schema = schemaOf(pipe);
    return { kind: 'pipe', input, operator: lowerMakeSeries(ctx, operator, schema), schema, span: spanOf(operator) };
  }
  if (isSeriesNode(operator, 'TopNestedOperator')) {
    const schema = schemaOf(pipe);
    return { kind: 'pipe', input, operator: lowerTopNested(ctx, operator, schema), schema, span: spanOf(operator) };
  }
  if (isSeriesNode(operator, 'SearchOperator')) return lowerSearchPipe(ctx, pipe, operator, input);
  if (isSeriesNode(operator, 'EvaluateOperator')) return lowerEvaluate(ctx, pipe, operator, input);
  if (isSeriesNode(operator, 'ParseKvOperator')) return lowerParseKv(ctx, pipe, operator, input);
  if (isSeriesNode(operator, 'MvApplyOperator')) return lowerMvApply(ctx, pipe, operator, input, ctx.lets.lower.tabular);
  return null;
}

/**
 * A source of this family (`search ...` without an input), or the leading operator of an
 * `mv-apply` subquery applied to its implicit input; null for anything else.
 */
export function lowerMoreSource(ctx: LoweringContext, expr: KExpression): Tabular | null {
  if (isSeriesNode(expr, 'SearchOperator')) return lowerSearchSource(ctx, expr);
  const implicit = currentImplicitInput();
  if (implicit !== null && isSeriesNode(expr, 'QueryOperator')) return lowerOperatorOnto(ctx, expr, implicit);
  return null;
}
