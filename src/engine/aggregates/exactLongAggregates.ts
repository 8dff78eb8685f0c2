/**
 * Which aggregates read exact 64-bit longs (`NumericColumn.exact`, see table/exactLong.ts)
 * correctly. `summarize` lets an argument of exact longs reach only these; every other aggregate
 * (avg, percentiles, stdev, make_list — a dynamic value cannot hold a 64-bit integer —, ...)
 * answers "not supported yet" rather than reading the rounded doubles.
 */
import type { Column } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import type { Scalar } from '../functions/vector';
import { at, writerFor } from '../functions/vector';
import { anyBigInt, exactNumberKey, longColumnFromValues } from '../table/exactLong';

/** Aggregates whose kernels compare, count, add or carry exact longs. */
export const EXACT_LONG_AGGREGATES: ReadonlySet<string> = new Set([
  'count', 'countif', 'dcount', 'dcountif',
  'sum', 'sumif', 'min', 'minif', 'max', 'maxif',
  'take_any', 'any', '$take_any_row',
  'arg_max', 'arg_min',
]);

/**
 * Row `i` of an aggregate argument as a value to keep: for a column of exact longs its exact value
 * (a bigint beyond ±2^53, a number within), else the cell as `at` reads it.
 */
export function cellKeepingExact(column: Column, i: number): Scalar | bigint {
  if (column.kind === 'number' && column.exact !== undefined) return exactNumberKey(column, i) ?? null;
  return at(column, i);
}

/**
 * The result column of per-group values that may hold bigints (exact longs): a long column with
 * `exact` when some value needs it, else what `writerFor(type)` builds.
 */
export function resultKeepingExact(values: readonly (Scalar | bigint | undefined)[], groupCount: number, type: ScalarType): Column {
  if (type === 'long' && anyBigInt(values, groupCount)) {
    return longColumnFromValues(values.map((v) => (typeof v === 'bigint' || typeof v === 'number' ? v : null)), groupCount);
  }
  const w = writerFor(type, groupCount);
  for (let g = 0; g < groupCount; g++) {
    const v = values[g];
    w.set(g, typeof v === 'bigint' ? Number(v) : v ?? null);
  }
  return w.finish();
}
