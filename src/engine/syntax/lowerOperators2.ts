/**
 * The entry point `lowerTabular.ts` calls for this family of operators: `parse`, `parse-where`
 * (`lowerParse.ts`), `lookup` (`lowerLookup.ts`), `sample` and `sample-distinct` (`lowerSample.ts`),
 * `scan` (`lowerScan.ts`), `partition` (`lowerPartition.ts`) and a piped
 * `union withsource=` (`lowerUnion.ts`). Returns null when the operator is not one of them, so
 * `lowerTabular` goes on with its own cases (it asks this family first).
 */
import type { Tabular } from '../plan';
import type { KExpression, KQueryOperator } from './kustoTypes';
import { isOperators2Node } from './kustoOperators2Types';
import { lowerParse } from './lowerParse';
import { lowerLookup } from './lowerLookup';
import { lowerSample, lowerSampleDistinct } from './lowerSample';
import { lowerScan } from './lowerScan';
import { lowerPartition } from './lowerPartition';
import { type LoweringContext, isNode } from './nodes';
import { lowerPipedUnionWithSource } from './lowerUnion';

/** `input | operator` for this family's operators, or null for any other operator. */
export function lowerOperators2Pipe(
  ctx: LoweringContext, pipe: KExpression, operator: KQueryOperator, input: Tabular,
  lowerTabular: (ctx: LoweringContext, expr: KExpression) => Tabular,
): Tabular | null {
  if (isOperators2Node(operator, 'ParseOperator')) return lowerParse(ctx, pipe, operator, input, false);
  if (isOperators2Node(operator, 'ParseWhereOperator')) return lowerParse(ctx, pipe, operator, input, true);
  if (isOperators2Node(operator, 'LookupOperator')) return lowerLookup(ctx, pipe, operator, input, lowerTabular);
  if (isOperators2Node(operator, 'SampleOperator')) return lowerSample(ctx, pipe, operator, input);
  if (isOperators2Node(operator, 'SampleDistinctOperator')) return lowerSampleDistinct(ctx, pipe, operator, input);
  if (isOperators2Node(operator, 'ScanOperator')) return lowerScan(ctx, pipe, operator, input);
  if (isOperators2Node(operator, 'PartitionOperator')) return lowerPartition(ctx, pipe, operator, input, lowerTabular);
  if (isNode(operator, 'UnionOperator') && isNode(pipe, 'PipeExpression')) return lowerPipedUnionWithSource(ctx, pipe, operator, input, lowerTabular);
  return null;
}
