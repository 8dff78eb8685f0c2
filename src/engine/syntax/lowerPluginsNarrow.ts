/**
 * `T | evaluate narrow()` (narrow-plugin.md): one `narrow` plan node, whose output schema
 * (`Row`, `Column`, `Value`) is the binder's.
 */
import type { Tabular } from '../plan';
import type { KExpression } from './kustoTypes';
import type { KEvaluateOperator } from './kustoSeriesTypes';
import { type LoweringContext, failUnsupported, schemaOf, separatedItems, spanOf } from './nodes';

/** Lowers `T | evaluate narrow()`: no arguments (parameters are checked by `lowerEvaluate`). */
export function lowerNarrow(_ctx: LoweringContext, pipe: KExpression, operator: KEvaluateOperator, input: Tabular): Tabular {
  const args = separatedItems(operator.FunctionCall.ArgumentList.Expressions);
  if (args.length > 0) return failUnsupported('narrow with arguments', args[0]);
  return { kind: 'pipe', input, operator: { op: 'narrow' }, schema: schemaOf(pipe), span: spanOf(operator) };
}
