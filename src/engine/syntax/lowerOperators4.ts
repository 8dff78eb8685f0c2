/**
 * The entry points `lowerTabular.ts` calls for `top-hitters` (`lowerTopHitters.ts`), `find`
 * (`lowerFind.ts`), and `fork` / `facet` (`lowerFork.ts`; lowered per query statement, so inside
 * any other expression they are `E_UNSUPPORTED`). Each returns null for other nodes.
 */
import type { Tabular } from '../plan';
import type { KExpression, KQueryOperator } from './kustoTypes';
import { isOperators4Node } from './kustoOperators4Types';
import { lowerTopHitters } from './lowerTopHitters';
import { lowerFind } from './lowerFind';
import { isMultiResultOperator } from './lowerFork';
import { type LoweringContext, failUnsupported, keywordOf } from './nodes';

/** `input | operator` for `top-hitters`, or null for any other operator. */
export function lowerOperators4Pipe(ctx: LoweringContext, pipe: KExpression, operator: KQueryOperator, input: Tabular): Tabular | null {
  if (isOperators4Node(operator, 'TopHittersOperator')) return lowerTopHitters(ctx, pipe, operator, input);
  if (isMultiResultOperator(operator)) {
    // Several result tables only make sense as a query's result (fork-operator.md, facet-operator.md).
    return failUnsupported(`${keywordOf(operator).Text} other than as the last operator of a query`, keywordOf(operator));
  }
  return null;
}

/** `find ...` as a source, or null for any other expression. */
export function lowerOperators4Source(ctx: LoweringContext, expr: KExpression): Tabular | null {
  return isOperators4Node(expr, 'FindOperator') ? lowerFind(ctx, expr) : null;
}
