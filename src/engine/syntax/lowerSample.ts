/**
 * `sample N` (sample-operator.md) to the plan's `sample`, and `sample-distinct N of Column`
 * (sample-distinct-operator.md) to `distinct Column` followed by `sample N`: up to N of the
 * column's distinct values, chosen at random.
 */
import type { Tabular } from '../plan';
import type { KExpression } from './kustoTypes';
import type { KSampleOperator } from './kustoOperators2Types';
import { lowerScalar } from './lowerScalar';
import { type LoweringContext, failUnsupported, listItems, schemaOf, spanOf } from './nodes';

function checkHintsOnly(operator: KSampleOperator): void {
  for (const parameter of listItems(operator.Parameters)) {
    if (!parameter.Name.SimpleName.toLowerCase().startsWith('hint.')) failUnsupported(parameter.Name.SimpleName, parameter);
  }
}

/** `T | sample N`. */
export function lowerSample(ctx: LoweringContext, pipe: KExpression, operator: KSampleOperator, input: Tabular): Tabular {
  checkHintsOnly(operator);
  return { kind: 'pipe', input, operator: { op: 'sample', count: lowerScalar(ctx, operator.Expression) }, schema: schemaOf(pipe), span: spanOf(operator) };
}

/** `T | sample-distinct N of Column`. */
export function lowerSampleDistinct(
  ctx: LoweringContext, pipe: KExpression, operator: KSampleOperator & { readonly OfExpression: KExpression }, input: Tabular,
): Tabular {
  checkHintsOnly(operator);
  const schema = schemaOf(pipe);
  const span = spanOf(operator);
  if (schema.length !== 1) return failUnsupported('sample-distinct of this expression', operator.OfExpression);
  const distinct: Tabular = {
    kind: 'pipe', input, schema, span,
    operator: { op: 'distinct', columns: [{ name: schema[0].name, expr: lowerScalar(ctx, operator.OfExpression) }] },
  };
  return { kind: 'pipe', input: distinct, operator: { op: 'sample', count: lowerScalar(ctx, operator.Expression) }, schema, span };
}
