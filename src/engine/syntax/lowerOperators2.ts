/**
 * The entry point `lowerTabular.ts` calls for this family of operators: `parse`, `parse-where`
 * (`lowerParse.ts`) and `lookup` (`lowerLookup.ts`). Returns null when the operator is not one
 * of them, so `lowerTabular` goes on with its own cases.
 */
import type { Tabular } from '../plan';
import type { KExpression, KQueryOperator } from './kustoTypes';
import { isOperators2Node } from './kustoOperators2Types';
import { lowerParse } from './lowerParse';
import { lowerLookup } from './lowerLookup';
import type { LoweringContext } from './nodes';

/** `input | operator` for this family's operators, or null for any other operator. */
export function lowerOperators2Pipe(
  ctx: LoweringContext, pipe: KExpression, operator: KQueryOperator, input: Tabular,
  lowerTabular: (ctx: LoweringContext, expr: KExpression) => Tabular,
): Tabular | null {
  if (isOperators2Node(operator, 'ParseOperator')) return lowerParse(ctx, pipe, operator, input, false);
  if (isOperators2Node(operator, 'ParseWhereOperator')) return lowerParse(ctx, pipe, operator, input, true);
  if (isOperators2Node(operator, 'LookupOperator')) return lowerLookup(ctx, pipe, operator, input, lowerTabular);
  return null;
}
