/**
 * The aggregate registry: every aggregation function by lower-case Kusto name, one line each.
 * `SUPPORTED_AGGREGATES` (read by the syntax lowering to report "not supported yet") is derived
 * from it. The `*if` forms share the implementation of their base: the predicate is the
 * argument after the value (`countif(p)` has only the predicate).
 */
import type { AnyAggregate } from './protocol';
import { countAggregate, dcountAggregate } from './counting';
import { avgAggregate, maxAggregate, minAggregate, sumAggregate } from './numeric';
import { percentileAggregate, percentilesArrayAggregate } from './percentile';
import { makeListAggregate, makeListIfAggregate, makeSetAggregate, makeSetIfAggregate, takeAnyAggregate } from './collect';
import { makeListWithNullsAggregate } from './collect';
import { weightedPercentileAggregate, weightedPercentilesArrayAggregate } from './weightedPercentile';
import { hllAggregateOfValues, hllIfAggregate, hllMergeAggregate, tdigestAggregate, tdigestMergeAggregate } from './sketches';
import { buildSchemaAggregate } from './buildSchema';
import { argMaxAggregate, argMinAggregate } from './argExtreme';
import { stdevAggregate, stdevPopulationAggregate, varianceAggregate, variancePopulationAggregate } from './spread';
import { makeBagAggregate, makeBagIfAggregate } from './bag';
import { TAKE_ANY_ROW, firstRowAggregate } from './firstRow';
import { binaryAllAndAggregate, binaryAllOrAggregate, binaryAllXorAggregate } from './bitwise';

/** Every aggregate by Kusto name. */
export const AGGREGATES: ReadonlyMap<string, AnyAggregate> = new Map<string, AnyAggregate>([
  ['count', countAggregate],
  ['countif', countAggregate],
  ['dcount', dcountAggregate],
  ['dcountif', dcountAggregate],
  ['sum', sumAggregate],
  ['sumif', sumAggregate],
  ['avg', avgAggregate],
  ['avgif', avgAggregate],
  ['min', minAggregate],
  ['minif', minAggregate],
  ['max', maxAggregate],
  ['maxif', maxAggregate],
  ['take_any', takeAnyAggregate],
  ['any', takeAnyAggregate],
  ['make_list', makeListAggregate],
  ['make_set', makeSetAggregate],
  ['make_list_if', makeListIfAggregate],
  ['make_set_if', makeSetIfAggregate],
  ['make_list_with_nulls', makeListWithNullsAggregate],
  ['percentile', percentileAggregate],
  ['percentiles', percentileAggregate],
  ['percentiles_array', percentilesArrayAggregate],
  ['percentilew', weightedPercentileAggregate],
  ['percentilesw', weightedPercentileAggregate],
  ['percentilesw_array', weightedPercentilesArrayAggregate],
  ['hll', hllAggregateOfValues],
  ['hll_if', hllIfAggregate],
  ['hll_merge', hllMergeAggregate],
  ['tdigest', tdigestAggregate],
  ['tdigest_merge', tdigestMergeAggregate],
  ['merge_tdigests', tdigestMergeAggregate],
  ['buildschema', buildSchemaAggregate],
  ['arg_max', argMaxAggregate],
  ['arg_min', argMinAggregate],
  ['variance', varianceAggregate],
  ['varianceif', varianceAggregate],
  ['variancep', variancePopulationAggregate],
  ['stdev', stdevAggregate],
  ['stdevif', stdevAggregate],
  ['stdevp', stdevPopulationAggregate],
  ['make_bag', makeBagAggregate],
  ['make_bag_if', makeBagIfAggregate],
  ['binary_all_and', binaryAllAndAggregate],
  ['binary_all_or', binaryAllOrAggregate],
  ['binary_all_xor', binaryAllXorAggregate],
  [TAKE_ANY_ROW, firstRowAggregate],
]);

/** Lower-case names of the aggregation functions the engine implements. */
export const SUPPORTED_AGGREGATES: ReadonlySet<string> = new Set(AGGREGATES.keys());
